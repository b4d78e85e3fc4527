// The password rule of POST /auth/register, /auth/password/reset and /me/password, checked before sending.
import { PASSWORD_MAX, PASSWORD_MIN } from './RegisterPage';

export { PASSWORD_MAX, PASSWORD_MIN };
export const PASSWORD_HINT = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong password.`;

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Your password needs at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Your password can have at most ${PASSWORD_MAX} characters`;
  return null;
}
