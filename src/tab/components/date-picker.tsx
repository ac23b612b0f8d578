import {
  DatePicker as FluentDatePicker,
  type CalendarStrings,
  type DatePickerErrorType,
  type DatePickerProps,
} from '@fluentui/react-datepicker-compat';
import { Caption1, makeStyles, tokens, useFieldContext_unstable, useId } from '@fluentui/react-components';
import { DayOfWeek, FirstWeekOfYear, type DateFormatting } from '@fluentui/react-calendar-compat';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatCalendarDate, type Locale } from '../i18n/format.js';
import { useLocale, useT } from '../i18n/i18n.js';
import { calendarDateToPickerDate, parseCalendarDateText, pickerDateToCalendarDate } from '../lib/date-input.js';

export type DateInputProps = {
  /** The calendar date (`2025-06-30`), or '' for none. */
  value: string;
  /** Called with the chosen calendar date, or '' when the person cleared the field. */
  onChange: (value: string) => void;
  /** Earliest and latest choosable calendar date. */
  min?: string | undefined;
  max?: string | undefined;
  disabled?: boolean | undefined;
  className?: string | undefined;
  'data-testid'?: string | undefined;
  'aria-label'?: string | undefined;
  id?: string | undefined;
};

/**
 * The tab's one date field: Fluent's date picker in the UI's language (Dutch month and day names, the week from
 * Monday, ISO week numbers) in place of the browser's `<input type="date">`, which shows mm/dd/yyyy or dd-mm-jjjj
 * depending on the browser's own language rather than the app's. The field shows the app's date format
 * ("30 jun 2025") and accepts typed dates day first (30-6-2025, 30 juni 2025, 2025-06-30). Place it inside a
 * Fluent `Field` like any input: the label and validation come from there.
 */
const useStyles = makeStyles({
  problem: { display: 'block', color: tokens.colorPaletteRedForeground1 },
  // The calendar's button is the mouse's way to the calendar (a click in the field is for typing): at least 24 × 24
  // pixels (WCAG 2.2, target size); Fluent's icon alone is 20 × 20.
  open: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '24px',
    minHeight: '24px',
    cursor: 'pointer',
  },
});

export function DateInput({ value, onChange, min, max, disabled, className, id, ...rest }: DateInputProps) {
  const locale = useLocale();
  const t = useT();
  const styles = useStyles();
  // The calendar's button is named "Kalender openen" and the field's label ("Kalender openen Deadline"), so a
  // screen reader tells the Start and Deadline buttons apart.
  const buttonId = useId('date-picker-open');
  const labelId = useFieldContext_unstable()?.labelId;
  // A typed date the picker refused (one that does not exist, or outside min–max): it keeps the last good date, and
  // says why here, instead of the text silently turning back.
  const [problem, setProblem] = useState<DatePickerErrorType | undefined>();
  // A date set from outside (undo, a draft thrown away, a save, a newer version) or a good date typed: no problem.
  useEffect(() => setProblem(undefined), [value]);
  const problemText = problem === undefined ? undefined : refusal(t, locale, problem, min, max);
  const strings = useCalendarStrings(locale, t);
  const formatter = useMemo(() => dateFormatting(locale), [locale]);
  const formatDate = useCallback(
    (date?: Date) => (date ? formatCalendarDate(pickerDateToCalendarDate(date), locale) : ''),
    [locale],
  );
  const parseDate = useCallback(
    (text: string) => calendarDateToPickerDate(parseCalendarDateText(text, locale)) ?? null,
    [locale],
  );
  // One Date per calendar date, not one per render: Fluent's picker resets its text whenever `value` changes identity,
  // so a new Date on every render of the form threw away what the person was still typing.
  const picked = useMemo(() => calendarDateToPickerDate(value) ?? null, [value]);
  const onSelectDate: DatePickerProps['onSelectDate'] = (date) => {
    const next = date ? pickerDateToCalendarDate(date) : '';
    if (next !== value) onChange(next);
  };
  return (
    <>
      <FluentDatePicker
        {...rest}
        {...(id ? { id } : {})}
        className={className}
        value={picked}
        onSelectDate={onSelectDate}
        formatDate={formatDate}
        parseDateFromString={parseDate}
        allowTextInput
        // A click in the field is for typing: the calendar opened on it and took the focus, so typed digits went
        // nowhere. It opens from its button beside the field, or with Arrow down or Enter in it. (Fluent opens on a
        // click unless disableAutoFocus is given too, though that is its default.)
        openOnClick={false}
        disableAutoFocus
        disabled={disabled}
        minDate={calendarDateToPickerDate(min)}
        maxDate={calendarDateToPickerDate(max)}
        strings={strings}
        dateTimeFormatter={formatter}
        firstDayOfWeek={DayOfWeek.Monday}
        firstWeekOfYear={FirstWeekOfYear.FirstFourDayWeek}
        showGoToToday
        placeholder={t('datePicker.placeholder')}
        popupSurface={{ 'aria-label': t('datePicker.calendar') }}
        // Fluent names the calendar's button by the input (aria-labelledby), which gives it the typed date as its name.
        contentAfter={{
          id: buttonId,
          className: styles.open,
          'aria-label': t('datePicker.open'),
          'aria-labelledby': labelId ? `${buttonId} ${labelId}` : undefined,
        }}
        onValidationResult={(data) => setProblem(data.error === 'required-input' ? undefined : data.error)}
      />
      {problemText && (
        <Caption1 role="alert" className={styles.problem} data-testid="date-problem">
          {problemText}
        </Caption1>
      )}
    </>
  );
}

/** Why a typed date was refused: it does not exist, or it lies outside the field's range (named). */
function refusal(
  t: ReturnType<typeof useT>,
  locale: Locale,
  problem: DatePickerErrorType,
  min: string | undefined,
  max: string | undefined,
): string {
  const date = (d: string) => formatCalendarDate(d, locale);
  if (problem !== 'out-of-bounds' || (!min && !max)) return t('datePicker.invalid');
  if (min && max) return t('datePicker.between', { min: date(min), max: date(max) });
  return max ? t('datePicker.until', { max: date(max) }) : t('datePicker.from', { min: date(min ?? '') });
}

function intlTag(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'nl-NL';
}

/** Month and day names from the platform's Intl data for the language; days start on Sunday as Fluent expects. */
function useCalendarStrings(locale: Locale, t: ReturnType<typeof useT>): CalendarStrings {
  return useMemo(() => {
    const tag = intlTag(locale);
    const month = (style: 'long' | 'short') =>
      Array.from({ length: 12 }, (_, m) =>
        new Intl.DateTimeFormat(tag, { month: style, timeZone: 'UTC' })
          .format(new Date(Date.UTC(2024, m, 15)))
          .replace(/\.$/, ''),
      );
    // 2024-09-01 is a Sunday.
    const day = (style: 'long' | 'short') =>
      Array.from({ length: 7 }, (_, d) =>
        new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' })
          .format(new Date(Date.UTC(2024, 8, 1 + d)))
          .replace(/\.$/, ''),
      );
    return {
      months: month('long'),
      shortMonths: month('short'),
      days: day('long'),
      shortDays: day('short'),
      goToToday: t('datePicker.goToToday'),
      prevMonthAriaLabel: t('datePicker.prevMonth'),
      nextMonthAriaLabel: t('datePicker.nextMonth'),
      prevYearAriaLabel: t('datePicker.prevYear'),
      nextYearAriaLabel: t('datePicker.nextYear'),
      prevYearRangeAriaLabel: t('datePicker.prevYearRange'),
      nextYearRangeAriaLabel: t('datePicker.nextYearRange'),
      closeButtonAriaLabel: t('datePicker.close'),
      selectedDateFormatString: t('datePicker.selectedDate'),
      todayDateFormatString: t('datePicker.today'),
      monthPickerHeaderAriaLabel: t('datePicker.monthPickerHeader'),
      yearPickerHeaderAriaLabel: t('datePicker.yearPickerHeader'),
      weekNumberFormatString: t('datePicker.weekNumber'),
      dayMarkedAriaLabel: t('datePicker.dayMarked'),
    };
  }, [locale, t]);
}

/** The calendar's own labels (a day's accessible name, the month header) in the language's long form. */
function dateFormatting(locale: Locale): DateFormatting {
  const tag = intlTag(locale);
  const long = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
  const monthYear = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' });
  const monthOnly = new Intl.DateTimeFormat(tag, { month: 'long' });
  const monthShort = new Intl.DateTimeFormat(tag, { month: 'short' });
  return {
    formatDay: (date) => String(date.getDate()),
    // The month picker's buttons show the short name ("mrt") and take this as their accessible name: it must contain
    // the visible word (WCAG 2.5.3, label in name), so it is the short name followed by the full one.
    formatMonth: (date) => {
      const short = monthShort.format(date).replace(/\.$/, '');
      const long = monthOnly.format(date);
      return short === long ? long : `${short} (${long})`;
    },
    formatYear: (date) => String(date.getFullYear()),
    formatMonthDayYear: (date) => long.format(date),
    formatMonthYear: (date) => monthYear.format(date),
  };
}
