/**
 * The API's message(s) for a failed form submission, next to the form; a validation array becomes a list.
 * Pass `error` (anything a request threw) or `messages` (what is left once fields show their own, see
 * useFormErrors); nothing renders when there is nothing to say.
 */
import { errorMessages } from '../api/api-error';

export interface FormErrorProps {
  error?: unknown;
  /** Used instead of `error` when given. */
  messages?: readonly string[];
}

export function FormError({ error, messages: given }: FormErrorProps) {
  const messages = given ?? (error === undefined || error === null ? [] : errorMessages(error));
  if (messages.length === 0) return null;
  return (
    <div className="form-error" role="alert">
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
