/** Compiles the contract test's validators from docs/openapi.json into a module; returns its path. */
export function buildContractValidators(): string;
