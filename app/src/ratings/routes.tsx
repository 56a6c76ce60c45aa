import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { guarded } from '../workbench/guarded.tsx';

const EvaluatorPage = lazy(() => import('./EvaluatorPage.tsx').then((m) => ({ default: m.EvaluatorPage })));

/** The 评价器 of a window runs full screen on its tablet, outside the workbench layout. */
export const evaluatorRoutes: RouteObject[] = [
  guarded('/workbench/evaluator', 'evaluator', <EvaluatorPage />),
];
