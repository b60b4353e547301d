import { useId } from 'react';
import type { ReaderSettings as Settings } from '@/lib/settings/reader-settings';

/** The reader's typography controls: in the reader's toolbar and on the settings page. */
export function ReaderSettingsFields({
  settings,
  onSettingsChange,
  className,
  legend = 'Reading settings',
  showLegend = false,
}: {
  settings: Settings;
  onSettingsChange: (patch: Partial<Settings>) => void;
  className?: string;
  legend?: string;
  showLegend?: boolean;
}) {
  const sizeId = useId();
  return (
    <fieldset className={className} dir="ltr">
      <legend className={showLegend ? undefined : 'visually-hidden'}>{legend}</legend>
      <span className="reader-size">
        <label htmlFor={sizeId}>Text size</label>{' '}
        <input
          id={sizeId}
          type="range"
          min={12}
          max={32}
          value={settings.readerFontSize}
          aria-valuetext={`${settings.readerFontSize} pixels`}
          onChange={(e) => onSettingsChange({ readerFontSize: Number(e.target.value) })}
        />{' '}
        <output htmlFor={sizeId}>{settings.readerFontSize} px</output>
      </span>
      <label>
        Width{' '}
        <select
          value={settings.readerWidth}
          onChange={(e) => onSettingsChange({ readerWidth: e.target.value as Settings['readerWidth'] })}
        >
          <option value="narrow">Narrow</option>
          <option value="medium">Medium</option>
          <option value="wide">Wide</option>
        </select>
      </label>
      <label>
        Reader colours{' '}
        <select
          value={settings.readerTheme}
          onChange={(e) => onSettingsChange({ readerTheme: e.target.value as Settings['readerTheme'] })}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
          <option value="sepia">Sepia</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.allowRemoteImages}
          onChange={(e) => onSettingsChange({ allowRemoteImages: e.target.checked })}
        />{' '}
        Load images from the web
      </label>
    </fieldset>
  );
}
