export * from './common/address';
export * from './detect';
export * from './registry';
export * from './linux';
export * from './macos';
export * from './freebsd';
export * from './windows';
export * from './illumos';
