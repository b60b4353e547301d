import type { Message } from '@/components/hooks/use-import';

/** A result line: a status when it went well, an alert when it did not. */
export function MessageLine({ message }: { message: Message | null }) {
  if (!message) return null;
  return (
    <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'notice' : ''}>
      {message.text}
    </p>
  );
}
