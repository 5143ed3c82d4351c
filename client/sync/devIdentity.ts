import { useState } from 'react';
import { colourFor, type PresenceUser } from '../../shared/model/presence.ts';

const storageKey = 'common-ground.display-name';

/** The identity the development server grants for a display name (the server stamps the same one). */
export function devUser(name: string): PresenceUser {
  const id = `guest:${name.toLowerCase()}`;
  return { id, name, organisation: 'Development', colour: colourFor(id) };
}

/**
 * The display name this browser uses until accounts exist: remembered on the device, asked for once.
 * Returns the name (or null) and a setter that also remembers it.
 */
export function useDisplayName(): [string | null, (name: string) => void] {
  const [name, setName] = useState<string | null>(() => window.localStorage.getItem(storageKey));
  const remember = (next: string): void => {
    window.localStorage.setItem(storageKey, next);
    setName(next);
  };
  return [name, remember];
}
