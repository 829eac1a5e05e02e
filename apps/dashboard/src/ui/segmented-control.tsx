/**
 * A row of mutually exclusive choices (a filter such as All / Drafts / Scheduled): a radio group underneath,
 * so arrow keys move between options and screen readers announce "2 of 4", drawn as joined buttons.
 */
import { useId } from 'react';
import './segmented-control.css';

export interface SegmentedControlProps<Value extends string> {
  /** Names the group for screen readers (visually hidden unless `showLabel`). */
  label: string;
  /** Show the label before the options. Default false. */
  showLabel?: boolean;
  options: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
}

export function SegmentedControl<Value extends string>({
  label,
  showLabel = false,
  options,
  value,
  onChange,
}: SegmentedControlProps<Value>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className={showLabel ? 'segmented-legend' : 'visually-hidden'}>{label}</legend>
      <div className="segmented-options">
        {options.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
