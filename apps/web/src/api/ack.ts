// The answer of every socket emit that asks for an acknowledgement (plain types, no framework).

export type AckResult<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };
