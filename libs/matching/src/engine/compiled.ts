import { type MatchingContext } from './context';
import type { MenteeCandidate, MentorCandidate } from './types';

/** A mentee with its taxonomy terms turned into masks and indices of one context. */
export interface CompiledMentee {
  readonly candidate: MenteeCandidate;
  readonly sectors: number;
  readonly needs: number;
  /** Distinct needs, counting those outside the taxonomy (which no mentor can be seen to cover). */
  readonly needCount: number;
  readonly stage: number;
  readonly region: number;
}

export interface CompiledMentor {
  readonly candidate: MentorCandidate;
  readonly sectors: number;
  readonly neighbourSectors: number;
  readonly expertise: number;
  readonly stage: number;
  readonly region: number;
  readonly freePlaces: number;
}

export function compileMentee(context: MatchingContext, mentee: MenteeCandidate): CompiledMentee {
  return {
    candidate: mentee,
    sectors: context.sectorMask(mentee.sectors),
    needs: context.supportAreaMask(mentee.needs),
    needCount: new Set(mentee.needs).size,
    stage: context.stageIndex(mentee.stage),
    region: context.regionIndex(mentee.region),
  };
}

export function compileMentor(context: MatchingContext, mentor: MentorCandidate): CompiledMentor {
  const sectors = context.sectorMask(mentor.sectors);
  return {
    candidate: mentor,
    sectors,
    neighbourSectors: context.neighbourMask(sectors),
    expertise: context.supportAreaMask(mentor.expertise),
    stage: context.stageIndex(mentor.stageReached),
    region: context.regionIndex(mentor.region),
    freePlaces: freePlaces(mentor),
  };
}

export function freePlaces(mentor: MentorCandidate): number {
  return Math.max(0, mentor.capacity - mentor.activeMentorships);
}

export function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const clz32 = Math.clz32;

/** Index of the single set bit of a power of two. */
export function bitIndex(singleBit: number): number {
  return 31 - clz32(singleBit);
}

/** Indices of the set bits, lowest first. */
export function bitsOf(mask: number): number[] {
  const bits: number[] = [];
  for (let rest = mask; rest !== 0; rest &= rest - 1) bits.push(bitIndex(rest & -rest));
  return bits;
}
