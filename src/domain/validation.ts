/**
 * Validation of everything a user or a SharePoint list can hand us, with one specific Dutch message per violation
 * (all of them in `validationMessages`). Each `validateX` accepts `unknown` and returns either the clean value or
 * the list of issues with their field paths ("eigenaar.displayName", "domeinen.1").
 *
 * Tolerance, because lists are also edited in SharePoint itself: for optional fields `null` and blank text mean
 * "absent"; missing lists (afhankelijkVan, bevindingen, acties) mean empty; text is trimmed; unknown properties are
 * dropped. Cross-field rules (a Geblokkeerd action needs a reason, the deadline not before the start, ...) are
 * checked once every field has the right type, so a form first shows the field errors, then the combinations.
 */
import { z } from 'zod';
import { ACTIENUMMER_PATTERN, compareActienummers } from './actienummer.js';
import { compareCalendarDates, isValidCalendarDate, isValidKwartaal } from './dates.js';
import { validationMessages as M } from './messages.js';
import type { Actie, Advies, Bevinding, Kwartaaldoel, MT, PersonRef, Plan, PortfolioItem, Thema } from './model.js';
import {
  ACTIE_STATUSSEN,
  BEHAALD_WAARDEN,
  DOMEINEN,
  KWARTAAL_KEUZES,
  PLATEAUS,
  PORTFOLIO_FASEN,
  PORTFOLIO_STATUSSEN,
  THEMA_CODES,
} from './model.js';
import { parseMeetingSchedule, scheduleGaps } from './schedule.js';
import { TEKST_MAX } from './text-limits.js';

export { validationMessages } from './messages.js';
export type { ValidationMessageKey } from './messages.js';

/** One violation: the field's path (dot-separated, '' for the whole input) and a Dutch sentence. */
export type ValidationIssue = { path: string; message: string };
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** SharePoint text columns hold at most 255 characters. */
const MAX_TEXT = TEKST_MAX.regel;

// ---------- building blocks ----------

const absentIfEmpty = (v: unknown): unknown =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
const emptyListIfAbsent = (v: unknown): unknown => (v === null || v === undefined ? [] : v);
const emptyTextIfAbsent = (v: unknown): unknown => (v === null || v === undefined ? '' : v);

function requiredText(required: string, tooLong: string) {
  return z.string({ error: required }).trim().min(1, { error: required }).max(MAX_TEXT, { error: tooLong });
}

function optionalText(tooLong?: string, max: number = MAX_TEXT) {
  const text = z.string({ error: M.tekstVerwacht }).trim();
  return z.preprocess(absentIfEmpty, (tooLong === undefined ? text : text.max(max, { error: tooLong })).optional());
}

/** A free text that may be empty, at most `max` characters (see text-limits.ts for the numbers). */
function freeText(max: number, tooLong: string) {
  return z.preprocess(emptyTextIfAbsent, z.string({ error: M.tekstVerwacht }).trim().max(max, { error: tooLong }));
}

function optionalDate(message: string) {
  return z.preprocess(
    absentIfEmpty,
    z
      .string({ error: message })
      .trim()
      .refine((s) => isValidCalendarDate(s), { error: message })
      .optional(),
  );
}

function positiveInt(message: string) {
  return z.number({ error: message }).int({ error: message }).positive({ error: message });
}

/** Flags the second and later occurrence of a value in a list. */
function flagDuplicates<T>(list: readonly T[], ctx: z.RefinementCtx, message: string): void {
  const seen = new Set<T>();
  list.forEach((v, i) => {
    if (seen.has(v)) ctx.addIssue({ code: 'custom', message, path: [i], input: v });
    seen.add(v);
  });
}

function uniqueList<T>(item: z.ZodType<T>, notAList: string, duplicate: string) {
  return z.preprocess(
    emptyListIfAbsent,
    z.array(item, { error: notAList }).superRefine((list, ctx) => flagDuplicates(list, ctx, duplicate)),
  );
}

const actienummer = (message: string) =>
  z.string({ error: message }).trim().regex(ACTIENUMMER_PATTERN, { error: message });

const domeinenSchema = z
  .array(z.enum(DOMEINEN, { error: M.domeinOngeldig }), { error: M.domeinenLeeg })
  .min(1, { error: M.domeinenLeeg })
  .superRefine((list, ctx) => flagDuplicates(list, ctx, M.domeinDubbel));

const personSchema = z.object(
  {
    id: optionalText(),
    displayName: requiredText(M.persoonNaamVerplicht, M.persoonNaamTeLang),
    email: z.preprocess(absentIfEmpty, z.email({ error: M.emailOngeldig }).optional()),
  },
  { error: M.persoonNaamVerplicht },
);
const optionalPerson = z.preprocess((v) => (v === null ? undefined : v), personSchema.optional());

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function run<T>(schema: z.ZodType<T>, input: unknown): ValidationResult<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: toIssues(r.error) };
}

// ---------- the entities ----------

/** An action: its fields and the rules between them. */
export const actieSchema = z
  .object(
    {
      nummer: actienummer(M.actienummerVorm),
      titel: requiredText(M.titelVerplicht, M.titelTeLang),
      omschrijving: optionalText(M.omschrijvingTeLang, TEKST_MAX.omschrijving),
      advies: positiveInt(M.actieAdviesOngeldig),
      plateau: z.enum(PLATEAUS, { error: M.plateauOngeldig }),
      domeinen: domeinenSchema,
      status: z.enum(ACTIE_STATUSSEN, { error: M.statusOngeldig }),
      statusToelichting: optionalText(M.statusToelichtingTeLang, TEKST_MAX.statusToelichting),
      eigenaar: optionalPerson,
      deadline: optionalDate(M.deadlineOngeldig),
      start: optionalDate(M.startOngeldig),
      planning: optionalText(M.planningTeLang),
      lopendTraject: optionalText(M.lopendTrajectTeLang),
      afhankelijkVan: uniqueList(
        actienummer(M.afhankelijkheidVorm),
        M.afhankelijkhedenGeenLijst,
        M.afhankelijkheidDubbel,
      ),
      bevindingen: uniqueList(positiveInt(M.bevindingVerwijzingOngeldig), M.bevindingenGeenLijst, M.bevindingDubbel),
      vervallen: z.preprocess(
        (v) => (v === null || v === false ? undefined : v),
        z.literal(true, { error: M.vervallenGeenJaNee }).optional(),
      ),
      vervallenReden: optionalText(),
    },
    { error: M.actieGeenObject },
  )
  .superRefine((a, ctx) => {
    if (a.nummer.split('.')[0] !== String(a.advies)) {
      ctx.addIssue({ code: 'custom', message: M.actienummerHoortBijAdvies, path: ['nummer'], input: a.nummer });
    }
    if (a.status === 'Geblokkeerd' && a.statusToelichting === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: M.toelichtingGeblokkeerd,
        path: ['statusToelichting'],
        input: a.statusToelichting,
      });
    }
    if (a.status === 'Niet overgenomen' && a.statusToelichting === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: M.toelichtingNietOvergenomen,
        path: ['statusToelichting'],
        input: a.statusToelichting,
      });
    }
    if (a.vervallen === true && a.vervallenReden === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: M.vervallenRedenVerplicht,
        path: ['vervallenReden'],
        input: a.vervallenReden,
      });
    }
    if (a.status === 'Belegd in lopend traject' && a.lopendTraject === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: M.lopendTrajectVerplicht,
        path: ['lopendTraject'],
        input: a.lopendTraject,
      });
    }
    // A malformed date is already reported and does not stop these checks (zod continues after a refine).
    if (
      isValidCalendarDate(a.deadline) &&
      isValidCalendarDate(a.start) &&
      compareCalendarDates(a.deadline, a.start) < 0
    ) {
      ctx.addIssue({ code: 'custom', message: M.deadlineVoorStart, path: ['deadline'], input: a.deadline });
    }
    a.afhankelijkVan.forEach((n, i) => {
      if (n === a.nummer)
        ctx.addIssue({ code: 'custom', message: M.afhankelijkVanZichzelf, path: ['afhankelijkVan', i], input: n });
    });
  });

export const adviesSchema = z.object(
  {
    nummer: positiveInt(M.adviesnummerOngeldig),
    titel: requiredText(M.titelVerplicht, M.titelTeLang),
    thema: z.enum(THEMA_CODES, { error: M.themaOngeldig }),
    plateau: z.enum(PLATEAUS, { error: M.plateauOngeldig }),
    omschrijving: optionalText(M.omschrijvingTeLang, TEKST_MAX.omschrijving),
    collegeReactie: freeText(TEKST_MAX.collegeReactie, M.collegeReactieTeLang),
    collegePlanning: z.preprocess(
      emptyTextIfAbsent,
      z.string({ error: M.tekstVerwacht }).trim().max(MAX_TEXT, { error: M.collegePlanningTeLang }),
    ),
    // Whether each number is an existing advies, and not this one, is a rule of the whole plan (validatePlan).
    samenhangMet: z.preprocess(
      (v) => (Array.isArray(v) && v.length === 0 ? undefined : absentIfEmpty(v)),
      z
        .array(positiveInt(M.samenhangVerwijzingOngeldig), { error: M.samenhangGeenLijst })
        .superRefine((list, ctx) => flagDuplicates(list, ctx, M.samenhangDubbel))
        .optional(),
    ),
  },
  { error: M.adviesGeenObject },
);

export const bevindingSchema = z.object(
  {
    nummer: positiveInt(M.bevindingnummerOngeldig),
    titel: requiredText(M.titelVerplicht, M.titelTeLang),
    toelichting: freeText(TEKST_MAX.bevindingToelichting, M.bevindingToelichtingTeLang),
    thema: z.preprocess(absentIfEmpty, z.enum(THEMA_CODES, { error: M.themaOngeldig }).optional()),
  },
  { error: M.bevindingGeenObject },
);

export const portfolioItemSchema = z
  .object(
    {
      key: requiredText(M.sleutelVerplicht, M.sleutelTeLang),
      titel: requiredText(M.titelVerplicht, M.titelTeLang),
      omschrijving: freeText(TEKST_MAX.omschrijving, M.omschrijvingTeLang),
      domein: z.enum(DOMEINEN, { error: M.domeinOngeldig }),
      opdrachtgever: optionalPerson,
      informatiemanager: optionalPerson,
      iaContact: optionalPerson,
      fase: z.enum(PORTFOLIO_FASEN, { error: M.faseOngeldig }),
      status: z.enum(PORTFOLIO_STATUSSEN, { error: M.portfolioStatusOngeldig }),
      statusToelichting: optionalText(M.statusToelichtingTeLang, TEKST_MAX.statusToelichting),
      prioriteit: z.preprocess((v) => (v === null ? undefined : v), positiveInt(M.prioriteitOngeldig).optional()),
      ditKwartaal: z.enum(KWARTAAL_KEUZES, { error: M.ditKwartaalOngeldig }),
      start: optionalDate(M.startOngeldig),
      einde: optionalDate(M.eindeOngeldig),
      acties: uniqueList(actienummer(M.gekoppeldeActieVorm), M.gekoppeldeActiesGeenLijst, M.gekoppeldeActieDubbel),
    },
    { error: M.portfolioGeenObject },
  )
  .superRefine((p, ctx) => {
    if (p.status === 'Kritiek' && p.statusToelichting === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: M.toelichtingKritiek,
        path: ['statusToelichting'],
        input: p.statusToelichting,
      });
    }
    if (isValidCalendarDate(p.start) && isValidCalendarDate(p.einde) && compareCalendarDates(p.einde, p.start) < 0) {
      ctx.addIssue({ code: 'custom', message: M.eindeVoorStart, path: ['einde'], input: p.einde });
    }
  });

export const kwartaaldoelSchema = z
  .object(
    {
      portfolioKey: requiredText(M.kwartaaldoelPortfolioVerplicht, M.sleutelTeLang),
      kwartaal: z
        .string({ error: M.kwartaalVorm })
        .trim()
        .refine((s) => isValidKwartaal(s), { error: M.kwartaalVorm }),
      doel: z
        .string({ error: M.doelVerplicht })
        .trim()
        .min(1, { error: M.doelVerplicht })
        .max(TEKST_MAX.kwartaaldoel, { error: M.doelTeLang }),
      behaald: z.preprocess(absentIfEmpty, z.enum(BEHAALD_WAARDEN, { error: M.behaaldOngeldig }).optional()),
      reden: optionalText(M.redenTeLang, TEKST_MAX.reden),
    },
    { error: M.kwartaaldoelGeenObject },
  )
  .superRefine((d, ctx) => {
    if ((d.behaald === 'deels' || d.behaald === 'nee') && d.reden === undefined) {
      ctx.addIssue({ code: 'custom', message: M.redenVerplicht, path: ['reden'], input: d.reden });
    }
  });

const scheduleText = z.preprocess(
  absentIfEmpty,
  z
    .string({ error: M.schemaOngeldig })
    .trim()
    .superRefine((text, ctx) => {
      const parsed = parseMeetingSchedule(text);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: M.schemaOngeldig, input: text });
        return;
      }
      const gaps = scheduleGaps(parsed);
      if (gaps.includes('start')) ctx.addIssue({ code: 'custom', message: M.schemaZonderStart, input: text });
      if (gaps.includes('tijd')) ctx.addIssue({ code: 'custom', message: M.schemaZonderTijd, input: text });
    })
    .optional(),
);

export const mtSchema = z.object(
  {
    key: requiredText(M.sleutelVerplicht, M.sleutelTeLang),
    naam: requiredText(M.mtNaamVerplicht, M.mtNaamTeLang),
    domeinen: domeinenSchema,
    schema: scheduleText,
    teamId: optionalText(),
    groepId: optionalText(),
    channelId: optionalText(),
    conversationId: optionalText(),
    voorlooptijdMinuten: z.preprocess(
      (v) => (v === null ? undefined : v),
      z
        .number({ error: M.voorlooptijdOngeldig })
        .int({ error: M.voorlooptijdOngeldig })
        .min(0, { error: M.voorlooptijdOngeldig })
        .optional(),
    ),
    actief: z.preprocess((v) => (v === null ? undefined : v), z.boolean({ error: M.actiefOngeldig }).optional()),
  },
  { error: M.mtGeenObject },
);

const themaSchema = z.object(
  {
    code: z.enum(THEMA_CODES, { error: M.themaOngeldig }),
    naam: requiredText(M.titelVerplicht, M.titelTeLang),
    adviezen: z.preprocess(
      emptyListIfAbsent,
      z.array(positiveInt(M.adviesnummerOngeldig), { error: M.adviesnummerOngeldig }),
    ),
  },
  { error: M.planGeenObject },
);

// Compile-time proof that each schema produces the model's type.
const _typeChecks: [
  z.ZodType<Actie>,
  z.ZodType<Advies>,
  z.ZodType<Bevinding>,
  z.ZodType<PortfolioItem>,
  z.ZodType<Kwartaaldoel>,
  z.ZodType<MT>,
  z.ZodType<PersonRef>,
  z.ZodType<Thema>,
] = [
  actieSchema,
  adviesSchema,
  bevindingSchema,
  portfolioItemSchema,
  kwartaaldoelSchema,
  mtSchema,
  personSchema,
  themaSchema,
];
void _typeChecks;

/** Validates one action (fields and the rules between them, not its links to other actions: see `validatePlan`). */
export function validateActie(input: unknown): ValidationResult<Actie> {
  return run(actieSchema, input);
}

/** Validates one recommendation. */
export function validateAdvies(input: unknown): ValidationResult<Advies> {
  return run(adviesSchema, input);
}

/** Validates one finding. */
export function validateBevinding(input: unknown): ValidationResult<Bevinding> {
  return run(bevindingSchema, input);
}

/** Validates one portfolio item (not whether its linked actions exist: see `validatePortfolio`). */
export function validatePortfolioItem(input: unknown): ValidationResult<PortfolioItem> {
  return run(portfolioItemSchema, input);
}

/** Validates one quarter goal. */
export function validateKwartaaldoel(input: unknown): ValidationResult<Kwartaaldoel> {
  return run(kwartaaldoelSchema, input);
}

/** Validates one MT, including that its schedule is a recurrence rule that pins down its meetings. */
export function validateMT(input: unknown): ValidationResult<MT> {
  return run(mtSchema, input);
}

// ---------- whole sets ----------

/** Finds the dependency cycles among actions, each once, starting at its lowest action number. */
function dependencyCycles(acties: readonly Actie[]): string[][] {
  const edges = new Map<string, string[]>(acties.map((a) => [a.nummer, a.afhankelijkVan]));
  const state = new Map<string, 'bezig' | 'klaar'>();
  const found = new Map<string, string[]>();
  const stack: string[] = [];

  const visit = (n: string): void => {
    state.set(n, 'bezig');
    stack.push(n);
    for (const next of edges.get(n) ?? []) {
      if (!edges.has(next)) continue;
      const s = state.get(next);
      if (s === 'bezig') {
        const cycle = stack.slice(stack.indexOf(next));
        const lowest = [...cycle].sort(compareActienummers)[0] ?? next;
        const rotated = [...cycle.slice(cycle.indexOf(lowest)), ...cycle.slice(0, cycle.indexOf(lowest))];
        found.set(rotated.join('>'), [...rotated, lowest]);
      } else if (s === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(n, 'klaar');
  };

  for (const n of [...edges.keys()].sort(compareActienummers)) if (!state.has(n)) visit(n);
  return [...found.values()];
}

const planSchema = z
  .object(
    {
      themas: z.preprocess(emptyListIfAbsent, z.array(themaSchema, { error: M.planGeenObject })),
      adviezen: z.array(adviesSchema, { error: M.planGeenObject }),
      bevindingen: z.preprocess(emptyListIfAbsent, z.array(bevindingSchema, { error: M.planGeenObject })),
      acties: z.array(actieSchema, { error: M.planGeenObject }),
    },
    { error: M.planGeenObject },
  )
  .superRefine((plan, ctx) => {
    const add = (message: string, path: (string | number)[]): void =>
      ctx.addIssue({ code: 'custom', message, path, input: undefined });

    const adviesNummers = new Set<number>();
    plan.adviezen.forEach((a, i) => {
      if (adviesNummers.has(a.nummer)) add(M.adviesnummerDubbel(a.nummer), ['adviezen', i, 'nummer']);
      adviesNummers.add(a.nummer);
    });
    const bevindingNummers = new Set<number>();
    plan.bevindingen.forEach((b, i) => {
      if (bevindingNummers.has(b.nummer)) add(M.bevindingnummerDubbel(b.nummer), ['bevindingen', i, 'nummer']);
      bevindingNummers.add(b.nummer);
    });
    const actieNummers = new Set<string>();
    plan.acties.forEach((a, i) => {
      if (actieNummers.has(a.nummer)) add(M.actienummerDubbel(a.nummer), ['acties', i, 'nummer']);
      actieNummers.add(a.nummer);
    });

    plan.adviezen.forEach((a, i) => {
      (a.samenhangMet ?? []).forEach((n, j) => {
        if (n === a.nummer) add(M.samenhangMetZichzelf, ['adviezen', i, 'samenhangMet', j]);
        else if (!adviesNummers.has(n)) add(M.samenhangOnbekend(a.nummer, n), ['adviezen', i, 'samenhangMet', j]);
      });
    });

    plan.acties.forEach((a, i) => {
      if (!adviesNummers.has(a.advies)) add(M.adviesOnbekend(a.nummer, a.advies), ['acties', i, 'advies']);
      a.afhankelijkVan.forEach((dep, j) => {
        if (!actieNummers.has(dep)) add(M.afhankelijkheidOnbekend(a.nummer, dep), ['acties', i, 'afhankelijkVan', j]);
      });
      a.bevindingen.forEach((b, j) => {
        if (!bevindingNummers.has(b)) add(M.bevindingOnbekend(a.nummer, b), ['acties', i, 'bevindingen', j]);
      });
    });

    const indexOf = new Map(plan.acties.map((a, i) => [a.nummer, i] as const));
    for (const cycle of dependencyCycles(plan.acties)) {
      add(M.afhankelijkheidsKring(cycle), ['acties', indexOf.get(cycle[0] ?? '') ?? 0, 'afhankelijkVan']);
    }
  });

/**
 * Validates a whole plan: every theme, recommendation, finding and action, and the links between them (unique
 * numbers, actions pointing at existing recommendations, findings and actions, no dependency cycles).
 * Use it before an all-or-nothing import.
 */
export function validatePlan(input: unknown): ValidationResult<Plan> {
  return run(planSchema, input);
}

/** The portfolio as imported: its items and their quarter goals. */
export type PortfolioSet = { items: PortfolioItem[]; kwartaaldoelen: Kwartaaldoel[] };

/**
 * Validates a portfolio with its quarter goals: every row, unique item keys, goals pointing at existing items and,
 * when `acties` is given, items linked to existing actions.
 */
export function validatePortfolio(
  input: unknown,
  acties?: readonly Pick<Actie, 'nummer'>[],
): ValidationResult<PortfolioSet> {
  const schema = z
    .object(
      {
        items: z.array(portfolioItemSchema, { error: M.portfolioGeenObject }),
        kwartaaldoelen: z.preprocess(
          emptyListIfAbsent,
          z.array(kwartaaldoelSchema, { error: M.kwartaaldoelGeenObject }),
        ),
      },
      { error: M.portfolioGeenObject },
    )
    .superRefine((set, ctx) => {
      const keys = new Set<string>();
      set.items.forEach((item, i) => {
        if (keys.has(item.key))
          ctx.addIssue({
            code: 'custom',
            message: M.sleutelDubbel(item.key),
            path: ['items', i, 'key'],
            input: item.key,
          });
        keys.add(item.key);
      });
      if (acties) {
        const known = new Set(acties.map((a) => a.nummer));
        set.items.forEach((item, i) =>
          item.acties.forEach((nr, j) => {
            if (!known.has(nr)) {
              ctx.addIssue({
                code: 'custom',
                message: M.gekoppeldeActieOnbekend(item.key, nr),
                path: ['items', i, 'acties', j],
                input: nr,
              });
            }
          }),
        );
      }
      set.kwartaaldoelen.forEach((d, i) => {
        if (!keys.has(d.portfolioKey)) {
          ctx.addIssue({
            code: 'custom',
            message: M.kwartaaldoelPortfolioOnbekend(d.portfolioKey),
            path: ['kwartaaldoelen', i, 'portfolioKey'],
            input: d.portfolioKey,
          });
        }
      });
    });
  return run(schema, input);
}
