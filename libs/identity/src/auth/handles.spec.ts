import { HANDLE_PATTERN, handleBase } from './handles';

describe('handleBase', () => {
  it.each([
    ['Priya Shah', 'priya-shah'],
    ['Zoë O’Connor-Smith', 'zoe-o-connor-smith'],
    ['42 Leisure', 'm-42-leisure'],
    ['Al', 'al-member'],
    ['!!!', 'member'],
  ])('turns %s into a typeable handle', (name, handle) => {
    expect(handleBase(name)).toBe(handle);
    expect(handleBase(name)).toMatch(HANDLE_PATTERN);
  });
});
