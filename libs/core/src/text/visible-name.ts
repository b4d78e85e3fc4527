import { ValidateBy, ValidationOptions } from 'class-validator';

// Bidirectional embeddings, overrides and isolates, the LRM/RLM/ALM marks and zero-width
// characters: in a name they reorder or hide what others read ("evil" shown as "live").
const HIDDEN_OR_REORDERING = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
// What is drawn as nothing: default-ignorable code points (fillers, variation selectors...),
// spaces, controls and the blank Braille pattern.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cc}\p{Cf}\u2800]/gu;

/** Why a name others will read is refused, or null when it is fine. */
export function invisibleNameProblem(value: string): string | null {
  if (HIDDEN_OR_REORDERING.test(value)) return 'must not contain invisible or text-direction control characters';
  if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(value.replace(INVISIBLE, ''))) return 'must contain visible characters';
  return null;
}

/**
 * For names that other members see as the author or the heading (display names, organisation
 * names, group and thread titles): something visible, and nothing that hides or reorders text.
 */
export function IsVisibleName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isVisibleName',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && invisibleNameProblem(value) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' && invisibleNameProblem(args.value)) || 'must be text',
      },
    },
    options,
  );
}
