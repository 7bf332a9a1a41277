/**
 * The domain of Shortlist (评审台): the rules of notice 渝人社〔2022〕406号 as pure functions.
 * Plain data in, plain data out; no I/O. The CLI, the import, the forms and the board all call
 * these same functions.
 */
export * from './campaign';
export * from './candidate-facts';
export * from './consultations';
export * from './dates';
export * from './id-number';
export * from './interchange';
export * from './meters';
export * from './resume';
export * from './stages';
export * from './suggestion-number';
export * from './tally';
export * from './text';
export * from './vocabulary';
export * from './working-days';
export * from './rules/consistency';
export * from './rules/consultations';
export * from './rules/duplicates';
export * from './rules/eligibility';
export * from './rules/finding';
export * from './rules/form-fields';
export * from './rules/form-formats';
export * from './rules/list-composition';
export * from './rules/records';
export * from './rules/unit-limits';
export * from './rules/validate';
export * from './rules/unit-submission';
export * from './field-labels';
