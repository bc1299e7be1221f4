import { createContext, useContext } from 'react';
import type { ViewerQuery as ViewerQueryResult } from '../gql/graphql';
import type { AccessModel } from '../lib/access';

export type ViewerData = ViewerQueryResult['viewer'];

export interface ViewerContextValue {
  viewer: ViewerData;
  /** The API's roles and scopes (`Query.accessModel`), loaded with the viewer. */
  access: AccessModel;
  slug: string;
  refetch: () => void;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

export function useViewer(): ViewerContextValue {
  const v = useContext(ViewerContext);
  if (!v) throw new Error('useViewer outside a signed-in layout');
  return v;
}
