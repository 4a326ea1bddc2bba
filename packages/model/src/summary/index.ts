export * from './count';
export * from './ephemeral';
export * from './summarise';
export * from './aggregate';
export * from './destinations';
