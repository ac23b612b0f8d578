import { Body1, Link, makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useLocale, useT } from '../i18n/i18n.js';
import { PAGES, type PageName } from './content.js';

const useStyles = makeStyles({
  page: {
    maxWidth: '44rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  nav: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalXL },
});

/** About, privacy and terms: readable without signing in (the manifest links to them). */
export function StaticPage({ view, onShown }: { view: string; onShown: () => void }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const name: PageName = view === 'privacy' || view === 'gebruiksvoorwaarden' ? view : 'over';
  const page = PAGES[locale][name];
  useEffect(() => onShown(), [onShown]);
  useEffect(() => {
    document.title = `${page.title} · ${t('app.title')}`;
  }, [page.title, t]);
  return (
    <main className={styles.page} data-testid={`page-${name}`}>
      <Title2 as="h1">{page.title}</Title2>
      {page.sections.map((section, i) => (
        <section key={i}>
          {section.heading && (
            <Subtitle2 as="h2" block>
              {section.heading}
            </Subtitle2>
          )}
          {section.paragraphs.map((p, j) => (
            <Body1 as="p" block key={j}>
              {p}
            </Body1>
          ))}
        </section>
      ))}
      <nav className={styles.nav} aria-label={t('pages.nav')}>
        <Link href="#/over">{PAGES[locale].over.title}</Link>
        <Link href="#/privacy">{PAGES[locale].privacy.title}</Link>
        <Link href="#/gebruiksvoorwaarden">{PAGES[locale].gebruiksvoorwaarden.title}</Link>
        <Link href="#/start">{t('start.over')}</Link>
        <Link href="#/roadmap">{t('pages.toApp')}</Link>
      </nav>
    </main>
  );
}
