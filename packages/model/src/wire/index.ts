export * from './snapshot';
export * from './socket-list';
export * from './fold-counts';
