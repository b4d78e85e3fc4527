import type { CreateStoryRequest, StoryView } from '@mutuals/contracts';
import type { TestMember } from './factories';
import { api } from './mentoring';
import type { TestApp } from './test-app';

/** A complete story a member could write, grounded in the domain's kind of outcomes. */
export function storyInput(overrides: Partial<CreateStoryRequest> = {}): CreateStoryRequest {
  return {
    title: 'From council service to employee-owned care',
    summary: 'How our adult social care team spun out, kept every contract and brought staff into ownership.',
    body: 'We spun out of the county council in 2019 as a **community interest company**.\n\nEvery member of staff was offered a share.',
    sector: 'adult-social-care',
    outcomes: [{ label: 'Staff who became members', value: '312' }],
    ...overrides,
  };
}

export async function draftStory(t: TestApp, author: TestMember, overrides: Partial<CreateStoryRequest> = {}): Promise<StoryView> {
  return (await api(t).post('/stories', author, storyInput(overrides)).expect(201)).body;
}
