// useObjectUrl: an object URL for a Blob, owned by the component and revoked on change or unmount.
import { useEffect, useState } from "react";

/**
 * An object URL for `blob`, owned by the calling component: revoked when the blob changes and on unmount.
 * Created in an effect (not during render), so a render that React throws away cannot leak one.
 */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [entry, setEntry] = useState<{ blob: Blob; url: string } | undefined>(undefined);
  useEffect(() => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    setEntry({ blob, url });
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  // Between a change and its effect, the previous URL is already revoked (or about to be): never hand it out.
  return entry !== undefined && entry.blob === blob ? entry.url : undefined;
}
