export declare const MALLOC_ENV: Record<string, string>;
export declare const V8_OPTIONS: string;
export declare function serverEnv<T extends Record<string, string | undefined>>(env: T): T & Record<string, string>;
