import { lazy } from 'react'

/**
 * Views that are not on screen when the app starts load on first use, in chunks of their own: the start
 * (script parse → three charts drawn, `npm run bench:bundle`) then only pays for the workspace. Each
 * module's CSS stays imported by App, so a view never appears unstyled.
 */
export const PresentationView = lazy(() => import('./features/presentation/PresentationView').then((m) => ({ default: m.PresentationView })))
export const SensitivityView = lazy(() => import('./features/sensitivity/SensitivityView').then((m) => ({ default: m.SensitivityView })))
export const AssumptionsPanel = lazy(() => import('./features/assumptions/AssumptionsPanel').then((m) => ({ default: m.AssumptionsPanel })))
export const CostView = lazy(() => import('./features/charts/CostView').then((m) => ({ default: m.CostView })))
export const TriggerPanel = lazy(() => import('./features/triggers/TriggerPanel').then((m) => ({ default: m.TriggerPanel })))
export const HelpOverlay = lazy(() => import('./features/help/HelpOverlay').then((m) => ({ default: m.HelpOverlay })))
export const CompareView = lazy(() => import('./features/compare/CompareView').then((m) => ({ default: m.CompareView })))
export const VersionsDialog = lazy(() => import('./features/versions/VersionsDialog').then((m) => ({ default: m.VersionsDialog })))
export const LibraryDialog = lazy(() => import('./features/library/LibraryDialog').then((m) => ({ default: m.LibraryDialog })))
export const VarianceView = lazy(() => import('./features/uncertainty/VarianceView').then((m) => ({ default: m.VarianceView })))
