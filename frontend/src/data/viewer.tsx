import { createContext, useContext } from 'react';
import type { ViewerQuery as ViewerQueryResult } from '../gql/graphql';

export type ViewerData = ViewerQueryResult['viewer'];

export interface ViewerContextValue {
  viewer: ViewerData;
  slug: string;
  refetch: () => void;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

export function useViewer(): ViewerContextValue {
  const v = useContext(ViewerContext);
  if (!v) throw new Error('useViewer outside a signed-in layout');
  return v;
}
