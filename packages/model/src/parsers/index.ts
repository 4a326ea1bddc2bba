export * from './common/address';
export * from './linux';
export * from './macos';
export * from './freebsd';
export * from './windows';
export * from './illumos';
