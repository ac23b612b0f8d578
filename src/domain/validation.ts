/**
 * Validation of everything a user or a SharePoint list can hand us, with one specific Dutch message per violation
 * (all of them in `validationMessages`). Each `validateX` accepts `unknown` and returns either the clean value or
 * the list of issues with their field paths ("eigenaar.displayName", "domeinen.1").
 *
 * Tolerance, because lists are also edited in SharePoint itself: for optional fields `null` and blank text mean
 * "absent"; missing lists (afhankelijkVan, bevindingen, acties) mean empty; text is trimmed; unknown properties are
 * dropped. Cross-field rules (a Geblokkeerd action needs a reason, the deadline not before the start, ...) are
 * checked once every field has the right type, so a form first shows the field errors, then the combinations; a
 * portfolio item's rules wait only for the fields they compare, so its form names them with the other problems.
 *
 * Domains, plateaus and theme codes are the municipality's (issue 12.8): every validator takes the set-up
 * (`Inrichting`, read with the plan) and defaults to Zoetermeer's, as for a site without a set-up of its own.
 */
import { z } from 'zod';
import { ACTIENUMMER_PATTERN, compareActienummers } from './actienummer.js';
import { compareCalendarDates, currentKwartaal, isValidCalendarDate, isValidKwartaal } from './dates.js';
import { messageTemplatesNl, validationMessages as M, type DomainMessage, type DomainMessageKey } from './messages.js';
import type { Actie, Advies, Bevinding, Kwartaaldoel, MT, PersonRef, Plan, PortfolioItem, Thema } from './model.js';
import { ACTIE_STATUSES, BEHAALD_VALUES, KWARTAAL_KEUZES, PORTFOLIO_FASEN, PORTFOLIO_STATUSES } from './model.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import { parseMeetingSchedule, scheduleGaps } from './schedule.js';
import { TEXT_MAX } from './text-limits.js';

export { validationMessages } from './messages.js';
export type { DomainMessage, DomainMessageKey } from './messages.js';

/** One violation: the field's path (dot-separated, '' for the whole input) and the message's key and values. */
export type ValidationIssue = { path: string; message: DomainMessage };

/**
 * Each message's key by its own name (`K.titelVerplicht === 'titelVerplicht'`): zod carries an issue's message as a
 * string, so the schemas give it the key, and `toIssues` turns it back into the message.
 */
const K = Object.fromEntries(Object.keys(messageTemplatesNl).map((key) => [key, key])) as {
  [Key in DomainMessageKey]: Key;
};

/** Adds a message with values to a zod refinement, its key as zod's message and its values as the issue's params. */
function addMessage(ctx: z.RefinementCtx, message: DomainMessage, path: (string | number)[], input: unknown): void {
  ctx.addIssue({
    code: 'custom',
    message: message.key,
    ...('params' in message ? { params: message.params } : {}),
    path,
    input,
  });
}
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** SharePoint text columns hold at most 255 characters. */
const MAX_TEXT = TEXT_MAX.regel;

// ---------- building blocks ----------

const absentIfEmpty = (v: unknown): unknown =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
const emptyListIfAbsent = (v: unknown): unknown => (v === null || v === undefined ? [] : v);
const emptyTextIfAbsent = (v: unknown): unknown => (v === null || v === undefined ? '' : v);

function requiredText(required: string, tooLong: string) {
  return z.string({ error: required }).trim().min(1, { error: required }).max(MAX_TEXT, { error: tooLong });
}

function optionalText(tooLong?: string, max: number = MAX_TEXT) {
  const text = z.string({ error: K.tekstVerwacht }).trim();
  return z.preprocess(absentIfEmpty, (tooLong === undefined ? text : text.max(max, { error: tooLong })).optional());
}

/** A free text that may be empty, at most `max` characters (see text-limits.ts for the numbers). */
function freeText(max: number, tooLong: string) {
  return z.preprocess(emptyTextIfAbsent, z.string({ error: K.tekstVerwacht }).trim().max(max, { error: tooLong }));
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

/**
 * For a rule between fields (`superRefine`'s `when`): run once the object itself was read and `fields` have no problem,
 * whatever other fields have. Zod's default runs an object's rules only when none of its fields has a type error.
 */
function fieldsValid(...fields: string[]): (payload: z.core.ParsePayload) => boolean {
  return (payload) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    payload.issues.every((issue) => {
      const head = issue.path?.[0];
      return head !== undefined && !fields.includes(String(head));
    });
}

const actienummer = (message: string) =>
  z.string({ error: message }).trim().regex(ACTIENUMMER_PATTERN, { error: message });

/**
 * One of the set-up's values (a domain, a plateau, a theme code), exactly as the set-up spells it: anything else,
 * a non-text included, is `error`. The set-up's values are data, so this is a check rather than a fixed `z.enum`;
 * `abort` keeps z.enum's behaviour that the rules between fields wait until every field has a valid value.
 */
function keuze(values: readonly string[], error: string) {
  const allowed = new Set(values);
  return z.string({ error }).refine((v) => allowed.has(v), { error, abort: true });
}

const personSchema = z.object(
  {
    id: optionalText(),
    displayName: requiredText(K.persoonNaamVerplicht, K.persoonNaamTeLang),
    email: z.preprocess(absentIfEmpty, z.email({ error: K.emailOngeldig }).optional()),
  },
  { error: K.persoonNaamVerplicht },
);
const optionalPerson = z.preprocess((v) => (v === null ? undefined : v), personSchema.optional());

function toMessage(issue: z.core.$ZodIssue): DomainMessage {
  // Every schema here names its message by key (a test feeds garbage to every validator and finds only keys).
  const key = issue.message as DomainMessageKey;
  const params = issue.code === 'custom' ? (issue.params as object | undefined) : undefined;
  return (params ? { key, params } : { key }) as DomainMessage;
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: toMessage(i) }));
}

function run<T>(schema: z.ZodType<T>, input: unknown): ValidationResult<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: toIssues(r.error) };
}

// ---------- the entities ----------

// ---------- the entities ----------

export const kwartaaldoelSchema = z
  .object(
    {
      portfolioKey: requiredText(K.kwartaaldoelPortfolioVerplicht, K.sleutelTeLang),
      kwartaal: z
        .string({ error: K.kwartaalVorm })
        .trim()
        .refine((s) => isValidKwartaal(s), { error: K.kwartaalVorm }),
      doel: z
        .string({ error: K.doelVerplicht })
        .trim()
        .min(1, { error: K.doelVerplicht })
        .max(TEXT_MAX.kwartaaldoel, { error: K.doelTeLang }),
      behaald: z.preprocess(absentIfEmpty, z.enum(BEHAALD_VALUES, { error: K.behaaldOngeldig }).optional()),
      reden: optionalText(K.redenTeLang, TEXT_MAX.reden),
    },
    { error: K.kwartaaldoelGeenObject },
  )
  .superRefine((d, ctx) => {
    if ((d.behaald === 'deels' || d.behaald === 'nee') && d.reden === undefined) {
      ctx.addIssue({ code: 'custom', message: K.redenVerplicht, path: ['reden'], input: d.reden });
    }
  });

const scheduleText = z.preprocess(
  absentIfEmpty,
  z
    .string({ error: K.schemaOngeldig })
    .trim()
    .superRefine((text, ctx) => {
      const parsed = parseMeetingSchedule(text);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: K.schemaOngeldig, input: text });
        return;
      }
      const gaps = scheduleGaps(parsed);
      if (gaps.includes('start')) ctx.addIssue({ code: 'custom', message: K.schemaZonderStart, input: text });
      if (gaps.includes('tijd')) ctx.addIssue({ code: 'custom', message: K.schemaZonderTijd, input: text });
    })
    .optional(),
);

/** The schemas of one municipality's set-up: the entities that hold a domain, a plateau or a theme code. */
type Schemas = {
  actie: z.ZodType<Actie>;
  advies: z.ZodType<Advies>;
  bevinding: z.ZodType<Bevinding>;
  portfolioItem: z.ZodType<PortfolioItem>;
  mt: z.ZodType<MT>;
  thema: z.ZodType<Thema>;
  plan: z.ZodType<Plan>;
};

/** The rules of a whole plan: unique numbers, links that point at existing items, no dependency cycles. */
function planRules(plan: Plan, ctx: z.RefinementCtx): void {
  const add = (message: DomainMessage, path: (string | number)[]): void => addMessage(ctx, message, path, undefined);

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
}

/** Builds the schemas of a set-up; `schemasVoor` keeps them per set-up. */
function buildSchemas(inrichting: Inrichting): Schemas {
  const domeinKeuze = keuze(
    inrichting.domeinen.map((d) => d.naam),
    K.domeinOngeldig,
  );
  const plateauKeuze = keuze(inrichting.plateaus, K.plateauOngeldig);
  const themaKeuze = keuze(
    inrichting.themas.map((t) => t.code),
    K.themaOngeldig,
  );
  const domeinenKeuze = z
    .array(domeinKeuze, { error: K.domeinenLeeg })
    .min(1, { error: K.domeinenLeeg })
    .superRefine((list, ctx) => flagDuplicates(list, ctx, K.domeinDubbel));

  /** An action: its fields and the rules between them. */
  const actie = z
    .object(
      {
        nummer: actienummer(K.actienummerVorm),
        titel: requiredText(K.titelVerplicht, K.titelTeLang),
        omschrijving: optionalText(K.omschrijvingTeLang, TEXT_MAX.omschrijving),
        advies: positiveInt(K.actieAdviesOngeldig),
        plateau: plateauKeuze,
        domeinen: domeinenKeuze,
        status: z.enum(ACTIE_STATUSES, { error: K.statusOngeldig }),
        statusToelichting: optionalText(K.statusToelichtingTeLang, TEXT_MAX.statusToelichting),
        eigenaar: optionalPerson,
        deadline: optionalDate(K.deadlineOngeldig),
        start: optionalDate(K.startOngeldig),
        planning: optionalText(K.planningTeLang),
        lopendTraject: optionalText(K.lopendTrajectTeLang),
        afhankelijkVan: uniqueList(
          actienummer(K.afhankelijkheidVorm),
          K.afhankelijkhedenGeenLijst,
          K.afhankelijkheidDubbel,
        ),
        bevindingen: uniqueList(positiveInt(K.bevindingVerwijzingOngeldig), K.bevindingenGeenLijst, K.bevindingDubbel),
        vervallen: z.preprocess(
          (v) => (v === null || v === false ? undefined : v),
          z.literal(true, { error: K.vervallenGeenJaNee }).optional(),
        ),
        vervallenReden: optionalText(),
      },
      { error: K.actieGeenObject },
    )
    .superRefine((a, ctx) => {
      if (a.nummer.split('.')[0] !== String(a.advies)) {
        ctx.addIssue({ code: 'custom', message: K.actienummerHoortBijAdvies, path: ['nummer'], input: a.nummer });
      }
      if (a.status === 'Geblokkeerd' && a.statusToelichting === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: K.toelichtingGeblokkeerd,
          path: ['statusToelichting'],
          input: a.statusToelichting,
        });
      }
      if (a.status === 'Niet overgenomen' && a.statusToelichting === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: K.toelichtingNietOvergenomen,
          path: ['statusToelichting'],
          input: a.statusToelichting,
        });
      }
      if (a.vervallen === true && a.vervallenReden === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: K.vervallenRedenVerplicht,
          path: ['vervallenReden'],
          input: a.vervallenReden,
        });
      }
      if (a.status === 'Belegd in lopend traject' && a.lopendTraject === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: K.lopendTrajectVerplicht,
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
        ctx.addIssue({ code: 'custom', message: K.deadlineVoorStart, path: ['deadline'], input: a.deadline });
      }
      a.afhankelijkVan.forEach((n, i) => {
        if (n === a.nummer)
          ctx.addIssue({ code: 'custom', message: K.afhankelijkVanZichzelf, path: ['afhankelijkVan', i], input: n });
      });
    });

  const advies = z.object(
    {
      nummer: positiveInt(K.adviesnummerOngeldig),
      titel: requiredText(K.titelVerplicht, K.titelTeLang),
      thema: themaKeuze,
      plateau: plateauKeuze,
      omschrijving: optionalText(K.omschrijvingTeLang, TEXT_MAX.omschrijving),
      collegeReactie: freeText(TEXT_MAX.collegeReactie, K.collegeReactieTeLang),
      collegePlanning: z.preprocess(
        emptyTextIfAbsent,
        z.string({ error: K.tekstVerwacht }).trim().max(MAX_TEXT, { error: K.collegePlanningTeLang }),
      ),
      // Whether each number is an existing advies, and not this one, is a rule of the whole plan (validatePlan).
      samenhangMet: z.preprocess(
        (v) => (Array.isArray(v) && v.length === 0 ? undefined : absentIfEmpty(v)),
        z
          .array(positiveInt(K.samenhangVerwijzingOngeldig), { error: K.samenhangGeenLijst })
          .superRefine((list, ctx) => flagDuplicates(list, ctx, K.samenhangDubbel))
          .optional(),
      ),
    },
    { error: K.adviesGeenObject },
  );

  const bevinding = z.object(
    {
      nummer: positiveInt(K.bevindingnummerOngeldig),
      titel: requiredText(K.titelVerplicht, K.titelTeLang),
      toelichting: freeText(TEXT_MAX.bevindingToelichting, K.bevindingToelichtingTeLang),
      thema: z.preprocess(absentIfEmpty, themaKeuze.optional()),
    },
    { error: K.bevindingGeenObject },
  );

  const portfolioItem = z
    .object(
      {
        key: requiredText(K.sleutelVerplicht, K.sleutelTeLang),
        // The portfolio calls an item's title its "Initiatief" (the column and the form say so).
        titel: requiredText(K.initiatiefVerplicht, K.titelTeLang),
        omschrijving: freeText(TEXT_MAX.omschrijving, K.omschrijvingTeLang),
        domein: domeinKeuze,
        opdrachtgever: optionalPerson,
        informatiemanager: optionalPerson,
        iaContact: optionalPerson,
        fase: z.enum(PORTFOLIO_FASEN, { error: K.faseOngeldig }),
        status: z.enum(PORTFOLIO_STATUSES, { error: K.portfolioStatusOngeldig }),
        statusToelichting: optionalText(K.statusToelichtingTeLang, TEXT_MAX.statusToelichting),
        prioriteit: z.preprocess((v) => (v === null ? undefined : v), positiveInt(K.prioriteitOngeldig).optional()),
        ditKwartaal: z.enum(KWARTAAL_KEUZES, { error: K.ditKwartaalOngeldig }),
        start: optionalDate(K.startOngeldig),
        einde: optionalDate(K.eindeOngeldig),
        acties: uniqueList(actienummer(K.gekoppeldeActieVorm), K.gekoppeldeActiesGeenLijst, K.gekoppeldeActieDubbel),
      },
      { error: K.portfolioGeenObject },
    )
    // Each rule waits only for the fields it compares, not for the whole item: a priority typed as text ("2,5") is a
    // type error, which by zod's default skips every refinement of the item, so the end before the start was named
    // only on a later Opslaan, once the priority was mended.
    .superRefine(
      (p, ctx) => {
        if (p.status === 'Kritiek' && p.statusToelichting === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: K.toelichtingKritiek,
            path: ['statusToelichting'],
            input: p.statusToelichting,
          });
        }
      },
      { when: fieldsValid('status', 'statusToelichting') },
    )
    .superRefine(
      (p, ctx) => {
        if (
          isValidCalendarDate(p.start) &&
          isValidCalendarDate(p.einde) &&
          compareCalendarDates(p.einde, p.start) < 0
        ) {
          ctx.addIssue({ code: 'custom', message: K.eindeVoorStart, path: ['einde'], input: p.einde });
        }
      },
      { when: fieldsValid('start', 'einde') },
    );

  const mt = z.object(
    {
      key: requiredText(K.sleutelVerplicht, K.sleutelTeLang),
      naam: requiredText(K.mtNaamVerplicht, K.mtNaamTeLang),
      domeinen: domeinenKeuze,
      schema: scheduleText,
      teamId: optionalText(),
      groepId: optionalText(),
      channelId: optionalText(),
      conversationId: optionalText(),
      voorlooptijdMinuten: z.preprocess(
        (v) => (v === null ? undefined : v),
        z
          .number({ error: K.voorlooptijdOngeldig })
          .int({ error: K.voorlooptijdOngeldig })
          .min(0, { error: K.voorlooptijdOngeldig })
          .optional(),
      ),
      actief: z.preprocess((v) => (v === null ? undefined : v), z.boolean({ error: K.actiefOngeldig }).optional()),
    },
    { error: K.mtGeenObject },
  );

  const thema = z.object(
    {
      code: themaKeuze,
      naam: requiredText(K.titelVerplicht, K.titelTeLang),
      adviezen: z.preprocess(
        emptyListIfAbsent,
        z.array(positiveInt(K.adviesnummerOngeldig), { error: K.adviesnummerOngeldig }),
      ),
    },
    { error: K.planGeenObject },
  );

  const plan = z
    .object(
      {
        themas: z.preprocess(emptyListIfAbsent, z.array(thema, { error: K.planGeenObject })),
        adviezen: z.array(advies, { error: K.planGeenObject }),
        bevindingen: z.preprocess(emptyListIfAbsent, z.array(bevinding, { error: K.planGeenObject })),
        acties: z.array(actie, { error: K.planGeenObject }),
      },
      { error: K.planGeenObject },
    )
    .superRefine(planRules);

  return { actie, advies, bevinding, portfolioItem, mt, thema, plan };
}

/** The set-up's schemas are built once per set-up object (the plan's, read with it; Zoetermeer's by default). */
const schemaCache = new WeakMap<Inrichting, Schemas>();

/** The schemas that check against `inrichting`'s domains, plateaus and theme codes. */
function schemasVoor(inrichting: Inrichting): Schemas {
  let schemas = schemaCache.get(inrichting);
  if (!schemas) {
    schemas = buildSchemas(inrichting);
    schemaCache.set(inrichting, schemas);
  }
  return schemas;
}

// Compile-time proof that the schemas without a set-up value produce the model's type.
const _typeChecks: [z.ZodType<Kwartaaldoel>, z.ZodType<PersonRef>] = [kwartaaldoelSchema, personSchema];
void _typeChecks;

/**
 * Validates one action (fields and the rules between them, not its links to other actions: see `validatePlan`);
 * its plateau and domains against the set-up's.
 */
export function validateActie(input: unknown, inrichting: Inrichting = ZOETERMEER_INRICHTING): ValidationResult<Actie> {
  return run(schemasVoor(inrichting).actie, input);
}

/** Validates one recommendation; its theme and plateau against the set-up's. */
export function validateAdvies(
  input: unknown,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ValidationResult<Advies> {
  return run(schemasVoor(inrichting).advies, input);
}

/** Validates one finding; its theme against the set-up's. */
export function validateBevinding(
  input: unknown,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ValidationResult<Bevinding> {
  return run(schemasVoor(inrichting).bevinding, input);
}

/**
 * Validates one portfolio item (not whether its linked actions exist: see `validatePortfolio`); its domain against
 * the set-up's.
 */
export function validatePortfolioItem(
  input: unknown,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ValidationResult<PortfolioItem> {
  return run(schemasVoor(inrichting).portfolioItem, input);
}

/** Validates one quarter goal. */
export function validateKwartaaldoel(input: unknown): ValidationResult<Kwartaaldoel> {
  return run(kwartaaldoelSchema, input);
}

/**
 * An outcome (behaald) recorded for a goal whose quarter has not begun (in Amsterdam, at `now`): a goal cannot have been
 * met, in part or not, before its quarter. The current quarter's outcome may be recorded (its end is near), a later
 * one's not. Apart from `validateKwartaaldoel`, which knows no clock: a goal read or imported stays valid as it is.
 */
export function kwartaaldoelOutcomeIssues(
  doel: Pick<Kwartaaldoel, 'kwartaal' | 'behaald'>,
  now: Date,
): ValidationIssue[] {
  // `YYYY-Qn` sorts as the quarters follow each other.
  return doel.behaald !== undefined && doel.kwartaal > currentKwartaal(now)
    ? [{ path: 'behaald', message: M.behaaldTeVroeg }]
    : [];
}

/**
 * Validates one MT, including that its schedule is a recurrence rule that pins down its meetings; its domains
 * against the set-up's.
 */
export function validateMT(input: unknown, inrichting: Inrichting = ZOETERMEER_INRICHTING): ValidationResult<MT> {
  return run(schemasVoor(inrichting).mt, input);
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

/**
 * Validates a whole plan: every theme, recommendation, finding and action, and the links between them (unique
 * numbers, actions pointing at existing recommendations, findings and actions, no dependency cycles).
 * Use it before an all-or-nothing import. Themes, plateaus and domains are checked against the set-up's.
 */
export function validatePlan(input: unknown, inrichting: Inrichting = ZOETERMEER_INRICHTING): ValidationResult<Plan> {
  return run(schemasVoor(inrichting).plan, input);
}

/** The portfolio as imported: its items and their quarter goals. */
export type PortfolioSet = { items: PortfolioItem[]; kwartaaldoelen: Kwartaaldoel[] };

/**
 * Validates a portfolio with its quarter goals: every row, unique item keys, goals pointing at existing items and,
 * when `acties` is given, items linked to existing actions. The items' domains are checked against the set-up's.
 */
export function validatePortfolio(
  input: unknown,
  acties?: readonly Pick<Actie, 'nummer'>[],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ValidationResult<PortfolioSet> {
  const portfolioItemSchema = schemasVoor(inrichting).portfolioItem;
  const schema = z
    .object(
      {
        items: z.array(portfolioItemSchema, { error: K.portfolioGeenObject }),
        kwartaaldoelen: z.preprocess(
          emptyListIfAbsent,
          z.array(kwartaaldoelSchema, { error: K.kwartaaldoelGeenObject }),
        ),
      },
      { error: K.portfolioGeenObject },
    )
    .superRefine((set, ctx) => {
      const keys = new Set<string>();
      set.items.forEach((item, i) => {
        if (keys.has(item.key)) addMessage(ctx, M.sleutelDubbel(item.key), ['items', i, 'key'], item.key);
        keys.add(item.key);
      });
      if (acties) {
        const known = new Set(acties.map((a) => a.nummer));
        set.items.forEach((item, i) =>
          item.acties.forEach((nr, j) => {
            if (!known.has(nr)) {
              addMessage(ctx, M.gekoppeldeActieOnbekend(item.key, nr), ['items', i, 'acties', j], nr);
            }
          }),
        );
      }
      set.kwartaaldoelen.forEach((d, i) => {
        if (!keys.has(d.portfolioKey)) {
          addMessage(
            ctx,
            M.kwartaaldoelPortfolioOnbekend(d.portfolioKey),
            ['kwartaaldoelen', i, 'portfolioKey'],
            d.portfolioKey,
          );
        }
      });
    });
  return run(schema, input);
}
