// @mutuals/contracts: the response and request shapes of shared/API.md, shared by the api
// (return types) and apps/web (what it reads). Plain TypeScript, no imports from outside this folder.
export * from './common';
export * from './errors';
export * from './taxonomy';
export * from './identity';
export * from './accounts';
export * from './profiles';
export * from './eligibility';
export * from './notifications';
export * from './chat';
export * from './mentoring';
export * from './forums';
export * from './files';
export * from './mentoring-care';
export * from './mail';
export * from './stories';
export * from './support';
export * from './web-routes';
export * from './programme';
export * from './socket-events';
export * from './partnerships';
export * from './integrations';
