export * from './snapshot';
export * from './socket-list';
