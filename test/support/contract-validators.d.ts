/** Compiles the contract test's validators from docs/openapi.json into validators.js, beside a copy of the document; returns their folder. */
export function buildContractValidators(documentPath?: string): string;
