import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

type Command = { name?: string; description?: string; shortcut?: string };

function describeCommand(command: Command): string | undefined {
  if (command.description) return command.description;
  return command.name === '_execute_action' || command.name === '_execute_browser_action'
    ? 'Search Shelf'
    : command.name;
}

function openShortcutSettings() {
  const commandsApi = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (commandsApi.openShortcutSettings) void commandsApi.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** The browser-wide shortcuts as the browser has them now, and where to change them. */
export function ShortcutSettings() {
  const [commands, setCommands] = useState<Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands);
  }, []);
  return (
    <section aria-labelledby="shortcut-settings-heading">
      <h3 id="shortcut-settings-heading">Keyboard shortcuts</h3>
      <dl className="keyboard-help">
        {commands.map((command) => (
          <div key={command.name}>
            <dt>
              <kbd>{command.shortcut || 'not set'}</kbd>
            </dt>
            <dd>{describeCommand(command)}</dd>
          </div>
        ))}
      </dl>
      <p>
        <button type="button" className="button secondary" onClick={openShortcutSettings}>
          Change shortcuts
        </button>{' '}
        <span className="muted small">
          (in Chrome at chrome://extensions/shortcuts; in Firefox at about:addons → ⚙ → Manage Extension Shortcuts)
        </span>
      </p>
    </section>
  );
}
