export * from './count';
export * from './ephemeral';
export * from './summarise';
