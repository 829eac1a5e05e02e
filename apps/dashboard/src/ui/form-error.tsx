/** The API's message(s) for a failed form submission, next to the form; a validation array becomes a list. */
import { errorMessages } from '../api/api-error';

export function FormError({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const messages = errorMessages(error);
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
