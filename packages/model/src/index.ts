export * from './states/tcp-state';
export * from './states/state-info';
export * from './states/aliases';
export * from './socket';
export * from './vocabularies';
export * from './summary';
export * from './wire/snapshot';
export * from './parsers';
