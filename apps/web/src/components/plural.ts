// "1 session", "2 sessions": counts in text read right for one and for many.

/** `plural(1, 'session')` is "1 session"; `plural(3, 'reply', 'replies')` is "3 replies". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
