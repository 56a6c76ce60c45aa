import { CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENSHOTS_MAX } from '../../../common/inspectors/lists.ts';
import { messageOf } from '../api/form-errors.ts';
import { uploadScreenshot } from './api.ts';

type Shot = { key: string; url: string; name: string; sha256: string | null; problem: string | null };

const IMAGES = 'image/png,image/jpeg';

/**
 * Up to six screenshots, each stored through /api/files as soon as it is chosen and shown as a
 * thumbnail; `onChange` gets the hashes of those stored, `onBusy` whether one is on its way.
 */
export function ScreenshotPicker(props: {
  onChange: (hashes: string[]) => void;
  onBusy: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [shots, setShots] = useState<Shot[]>([]);
  const { onChange, onBusy } = props;

  useEffect(() => {
    onChange(shots.flatMap((s) => (s.sha256 ? [s.sha256] : [])));
    onBusy(shots.some((s) => !s.sha256 && !s.problem));
  }, [shots, onChange, onBusy]);
  const latest = useRef(shots);
  latest.current = shots;
  useEffect(
    () => () => {
      for (const shot of latest.current) URL.revokeObjectURL(shot.url);
    },
    [],
  );

  const update = (key: string, change: Partial<Shot>) =>
    setShots((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const add = (files: FileList | null) => {
    const room = SCREENSHOTS_MAX - shots.length;
    const chosen = [...(files ?? [])].slice(0, Math.max(room, 0));
    const added = chosen.map((file) => ({
      key: `${file.name}-${file.size}-${Math.random()}`,
      url: URL.createObjectURL(file),
      name: file.name,
      sha256: null,
      problem: null,
      file,
    }));
    setShots((all) => [...all, ...added.map(({ file: _file, ...shot }) => shot)]);
    for (const shot of added) {
      uploadScreenshot(shot.file).then(
        (sha256) => update(shot.key, { sha256 }),
        (error: unknown) =>
          update(shot.key, { problem: messageOf(error, t('inspectors.form.uploadFailed')) }),
      );
    }
    if (input.current) input.current.value = '';
  };

  const remove = (shot: Shot) => {
    URL.revokeObjectURL(shot.url);
    setShots((all) => all.filter((s) => s.key !== shot.key));
  };

  return (
    <div data-testid="screenshot-picker">
      <div className="inspector-shots">
        {shots.map((shot) => (
          <div
            key={shot.key}
            className="inspector-shot inspector-shot-local"
            data-testid="picked-screenshot"
            data-stored={shot.sha256 ? 'true' : 'false'}
          >
            <img src={shot.url} alt={shot.name} />
            {shot.sha256 || shot.problem ? null : <Spin className="inspector-shot-spin" />}
            {shot.problem ? <div className="inspector-shot-problem">{shot.problem}</div> : null}
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              className="inspector-shot-remove"
              aria-label={t('inspectors.form.remove')}
              onClick={() => remove(shot)}
            />
          </div>
        ))}
        {shots.length < SCREENSHOTS_MAX ? (
          <button
            type="button"
            className="inspector-shot inspector-shot-add"
            onClick={() => input.current?.click()}
          >
            <PictureOutlined />
            <span>{t('inspectors.form.add')}</span>
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept={IMAGES}
        multiple
        style={{ display: 'none' }}
        data-testid="screenshot-input"
        onChange={(e) => add(e.target.files)}
      />
      <Typography.Text type="secondary">
        {t('inspectors.form.shotsHint', { max: SCREENSHOTS_MAX })}
      </Typography.Text>
    </div>
  );
}
