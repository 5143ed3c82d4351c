import { createContext, useContext } from 'react';

/** Delphi follow-up rounds: where the voter's marks are far from last round's group, and the reasons they give. */
export interface DelphiReasons {
  /** Candidates whose current mark is far from last round's group (recomputed as the voter changes the ballot). */
  far: ReadonlySet<string>;
  /** The reason typed for each candidate, as typed (trimmed when sent). */
  reasons: Readonly<Record<string, string>>;
  onReasonChange: (candidateId: string, reason: string) => void;
  disabled: boolean;
}

export const DelphiReasonsContext = createContext<DelphiReasons | null>(null);

/** The ballot's Delphi reasons; null outside a follow-up round's ballot (nothing to ask then). */
export function useDelphiReasons(): DelphiReasons | null {
  return useContext(DelphiReasonsContext);
}
