/**
 * The domain's public API: the plan's types, its rules and its data. Pure TypeScript: no I/O, no clock.
 */
export * from './model.js';
export * from './dates.js';
export * from './status.js';
export * from './rules.js';
export * from './planning.js';
export * from './actienummer.js';
export * from './schedule.js';
export * from './themas.js';
export * from './samenhang.js';
export * from './validation.js';
export * from './text-limits.js';
export * from './plan/zoetermeer.js';
export * from './agenda.js';
export * from './agenda-keuze.js';
export * from './reflection.js';
export * from './plan-changes.js';
export * from './domein-voortgang.js';
export * from './portfolio-selection.js';
