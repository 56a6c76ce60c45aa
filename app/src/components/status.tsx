import { WarningFilled } from '@ant-design/icons';
import { Button, Spin, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// Ant Design's Result carries the 404, 403 and 500 illustrations (≈ 40 kB) whichever status it shows:
// the pages that show them load on demand, and a failed load is drawn here as Result draws a warning.
const NotFoundPage = lazy(() => import('./status-pages.tsx').then((m) => ({ default: m.NotFoundPage })));
const ForbiddenPage = lazy(() => import('./status-pages.tsx').then((m) => ({ default: m.ForbiddenPage })));

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div role="alert" style={{ padding: '48px 32px', textAlign: 'center' }}>
      <WarningFilled style={{ fontSize: 72, color: token.colorWarning }} />
      <div
        style={{
          marginTop: 24,
          color: token.colorTextHeading,
          fontSize: token.fontSizeHeading3,
          lineHeight: 1.33,
        }}
      >
        {t('common.loadFailed')}
      </div>
      {error instanceof Error ? (
        <div style={{ marginTop: 4, color: token.colorTextDescription, fontSize: token.fontSize }}>
          {error.message}
        </div>
      ) : null}
      {onRetry ? (
        <div style={{ marginTop: 24 }}>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </div>
      ) : null}
    </div>
  );
}

export function NotFound() {
  return (
    <Suspense fallback={<Loading />}>
      <NotFoundPage />
    </Suspense>
  );
}

export function Forbidden() {
  return (
    <Suspense fallback={<Loading />}>
      <ForbiddenPage />
    </Suspense>
  );
}
