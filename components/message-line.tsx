import type { Message } from '@/components/hooks/use-import';

/**
 * A result line: a status when it went well, an alert when it did not. The status region is there
 * from the start, empty until there is something to say: one added already holding its text is often
 * not announced (an alert is).
 */
export function MessageLine({ message }: { message: Message | null }) {
  return (
    <>
      <div role="status">{message?.kind === 'ok' && <p>{message.text}</p>}</div>
      {message?.kind === 'error' && (
        <p role="alert" className="notice">
          {message.text}
        </p>
      )}
    </>
  );
}
