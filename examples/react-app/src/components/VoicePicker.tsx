// A <select> of the account's voices by name, reporting the chosen voice id.
import type { Schemas } from "@camb-kit/client";

interface VoicePickerProps {
  voices: Schemas["Voice"][];
  value: number;
  onChange: (id: number) => void;
}

export function VoicePicker({ voices, value, onChange }: VoicePickerProps) {
  return (
    <label>
      Voice{" "}
      <select data-testid="voice" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {voices.map((voice) => (
          <option key={voice.id} value={voice.id}>
            {voice.voice_name}
          </option>
        ))}
      </select>
    </label>
  );
}
