export * from './finding';
export * from './thresholds';
export * from './validate';
export * from './trend';
export * from './evaluate';
export * from './wire';
