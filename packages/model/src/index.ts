export * from './states/tcp-state';
export * from './socket';
export * from './vocabularies';
export * from './summary/count';
export * from './wire/snapshot';
export * from './parsers';
