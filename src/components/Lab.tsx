// The positional-encoding lab: formula, invariants, the position table and its views, scheme-specific views
// (RoPE rotations, ALiBi/T5 biases) and the attention preview.
import { useMemo } from 'react';
import { CATALOG } from '../encodings/catalog.ts';
import type { Matrix } from '../protocol/messages.ts';
import { biasHead } from '../protocol/views.ts';
import { DEFAULT_SPEC, validateSpec } from '../protocol/specs.ts';
import { updateView, useAppState } from '../client/useEngine.ts';
import { domainOf } from '../plots/scales.ts';
import type { Series } from '../plots/lines.ts';
import { Formula } from './Formula.tsx';
import { Invariants } from './Invariants.tsx';
import { LinesPlot } from './LinesPlot.tsx';
import { MatrixPanel } from './MatrixPanel.tsx';
import { Region } from './Region.tsx';
import { LabControls } from './LabControls.tsx';
import { SlopesTable } from './SlopesTable.tsx';
import { useT } from '../i18n/useT.ts';
import { schemeWords } from '../i18n/schemes.ts';
import { RopeLab } from './RopeLab.tsx';

function column(m: Matrix, j: number): Float32Array {
  const [rows, cols] = m.shape;
  const out = new Float32Array(rows);
  for (let i = 0; i < rows; i++) out[i] = m.data[i * cols + j];
  return out;
}

const UNIT_DOMAIN: [number, number] = [-1, 1];

export function Lab() {
  const view = useAppState((s) => s.view);
  const matrices = useAppState((s) => s.matrices);
  const checks = useAppState((s) => s.checks);
  const hoverRow = useAppState((s) => s.hoverRow);
  const T = useAppState((s) => s.tokens.length);
  const t = useT();
  const { spec } = view;
  const words = schemeWords(t.lang, spec.pe);
  const entry = CATALOG[spec.pe];
  // Views draw from a valid width only: a d typed mid-edit (0, 10^9) must never size an array here.
  const { params } = spec;
  const d = validateSpec(spec) === null ? spec.d : DEFAULT_SPEC.d;
  const table = matrices.table;
  const N = params.positions;

  const domainFor = (m: Matrix | undefined): [number, number] =>
    m ? domainOf(m.data, m.colors ?? 'diverging') : UNIT_DOMAIN;
  // The compare pair shares one scale; kept while neither matrix changes.
  const compareTable = matrices.table;
  const compareSin = matrices['compare-sin'];
  const compareDomain = useMemo((): [number, number] => {
    if (!compareTable || !compareSin) return UNIT_DOMAIN;
    const m = Math.max(domainOf(compareTable.data)[1], domainOf(compareSin.data)[1]);
    return [-m, m];
  }, [compareTable, compareSin]);

  const toggleDim = (col: number) => {
    const pair =
      spec.params.layout === 'half' && entry.pairsFollowLayout
        ? [col % (d / 2), (col % (d / 2)) + d / 2]
        : [col - (col % 2), col - (col % 2) + 1];
    const has = pair.every((j) => view.dims.includes(j));
    const dims = has ? view.dims.filter((j) => !pair.includes(j)) : [...view.dims, ...pair].slice(-8);
    updateView({ dims });
  };

  // A big table shows a detail window: its rows are positions start…, so row-based marks shift by start.
  const start = table?.window?.start ?? 0;
  const tableExtra = useMemo(
    () => ({
      shadeFromRow: view.trainLength < N ? Math.max(0, view.trainLength - start) : null,
      shadeOpaque: !!entry.learnedTable,
      markRows: Math.max(0, T - start),
      onClickCell: (_: number, col: number) => toggleDim(col),
      xTitle: t('lab.clickToPlot'),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.trainLength, N, entry, view.dims, d, spec.params.layout, T, t, start],
  );

  const curves = useMemo((): Series[] => {
    if (!table) return [];
    return view.dims
      .filter((j) => j < table.shape[1])
      .map((j) => {
        const y = column(table, j);
        if (entry.learnedTable)
          for (let i = Math.max(0, view.trainLength - start); i < y.length; i++) y[i] = NaN;
        const x = start > 0 ? Float64Array.from(y, (_, i) => start + i) : undefined;
        return { name: t('lab.dim', { j }), y, x };
      });
  }, [table, view.dims, view.trainLength, entry, start, t]);

  const ladder = useMemo((): Series[] => {
    const y = Float64Array.from(
      { length: d / 2 },
      (_, i) => 2 * Math.PI * Math.pow(params.base, (2 * i) / d),
    );
    return [
      {
        name: t('lab.wavelength'),
        y,
        x: Float64Array.from({ length: d / 2 }, (_, i) => 2 * i),
        points: true,
      },
    ];
  }, [d, params.base, t]);

  const profile = matrices.profile;
  const profileSeries = useMemo(
    (): Series[] => (profile ? [{ name: 'dot(k)', y: profile.data }] : []),
    [profile],
  );
  const stop = profile?.mark;

  const shade = view.trainLength < N ? view.trainLength : null;
  const curveOpts = useMemo(
    () => ({
      xTitle: t('lab.position'),
      yTitle: t('lab.value'),
      shadeFrom: shade,
      shadeLabel: entry.learnedTable ? t('lab.noLearnedRows') : t('lab.pastTraining'),
    }),
    [shade, entry, t],
  );
  const ladderOpts = useMemo(
    () => ({
      xTitle: t('matrix.dimension'),
      yTitle: t('lab.wavelengthAxis'),
      logY: true,
      yFormat: (v: number) => v.toPrecision(5),
    }),
    [t],
  );
  const profileOpts = useMemo(
    () => ({
      xTitle: t('lab.offset'),
      yTitle: 'PE(p)·PE(p+k)',
      marks: stop ? [{ x: stop.x, label: t.say(stop.label) }] : [],
    }),
    [stop, t],
  );

  const panel = (
    name: string,
    caption?: string,
    extra?: Parameters<typeof MatrixPanel>[0]['extra'],
    exportBlocked?: string,
  ) => {
    const m = matrices[name];
    if (!m) return null;
    return (
      <MatrixPanel
        key={name}
        name={m.title}
        title={t.title(name, m.title)}
        matrix={m}
        domain={domainFor(m)}
        hoverRow={hoverRow}
        caption={caption}
        extra={extra}
        exportBlocked={exportBlocked}
      />
    );
  };

  // The preview runs one head; its output's width is the head's (d/heads, or RoPE's head_dim).
  const dh = matrices['attn-out']?.shape[1] ?? d;
  const slopes = matrices['alibi-slopes'];
  const biasNames = Object.keys(matrices)
    .filter((n) => biasHead(n) !== null)
    .sort((a, b) => (biasHead(a) ?? 0) - (biasHead(b) ?? 0));

  return (
    <div className="lab">
      <h2 className="lab-intro">{t('lab.intro', { scheme: words.label })}</h2>
      <LabControls spec={spec} view={view} />
      <div className="lab-grid">
        <Region name="Formula" title={t('lab.formula')}>
          <Formula
            tex={entry.formulaWith(params, d)}
            label={t('lab.formulaLabel', { scheme: words.label })}
          />
          <p className="caption" translate={words.paperTranslated ? undefined : 'no'}>
            {words.paper}
          </p>
          {words.fails && (
            <p className="pitfall" role="note">
              <b>{t('lab.fails')}</b> {words.fails}
            </p>
          )}
        </Region>
        <Invariants checks={checks} />
      </div>

      {entry.kind === 'additive' && (
        <>
          {panel('table', t('lab.tableCaption', { last: N - 1, textLast: Math.max(T - 1, 0) }), tableExtra)}
          <div className="lab-grid">
            <Region name="Curves" title={t('lab.curves')}>
              <p className="caption">
                {t('lab.curvesCaption', { dims: view.dims.join(', ') || t('lab.curvesNone') })}
              </p>
              <LinesPlot series={curves} options={curveOpts} />
            </Region>
            {entry.wavelengthLadder && (
              <Region name="Wavelength ladder" title={t('lab.ladder')}>
                <p className="caption">
                  {t('lab.ladderCaption', { r: Math.pow(params.base, 2 / d).toPrecision(6) })}
                </p>
                <LinesPlot series={ladder} options={ladderOpts} />
              </Region>
            )}
          </div>
          <div className="lab-grid">
            {panel(
              'similarity',
              t('lab.similarityCaption'),
              undefined,
              N > 1024 ? t('lab.exportLimit') : undefined,
            )}
            {profile && (
              <Region name="Offset profile" title={t('lab.profile')}>
                <p className="caption">
                  {t('lab.profileCaption', { stop: stop ? t('lab.profileStop', { k: stop.x }) : '' })}
                </p>
                <LinesPlot series={profileSeries} options={profileOpts} />
              </Region>
            )}
          </div>
        </>
      )}

      {matrices['compare-sin'] && matrices.table && (
        <>
          <h3 className="lab-intro">{t('lab.compareIntro')}</h3>
          <div className="lab-grid">
            {[matrices.table, matrices['compare-sin']].map((m) => (
              <MatrixPanel
                key={`cmp-${m.name}`}
                name={m.name === 'table' ? 'Learned table (compare)' : m.title}
                title={m.name === 'table' ? t('lab.compareTable') : t.title(m.name, m.title)}
                matrix={m}
                domain={compareDomain}
                hoverRow={hoverRow}
                caption={m.name === 'table' ? t('lab.compareTableCaption') : t('lab.compareSinCaption')}
              />
            ))}
          </div>
          <div className="lab-grid">
            {panel('compare-diff', t('lab.compareDiffCaption'))}
            {panel(
              'compare-sin-similarity',
              t('lab.compareSimCaption'),
              undefined,
              N > 1024 ? t('lab.exportLimit') : undefined,
            )}
          </div>
        </>
      )}

      {entry.kind === 'rotary' && <RopeLab spec={spec} matrices={matrices} panel={panel} />}

      {entry.kind === 'bias' && (
        <div className="lab-grid">
          {slopes && <SlopesTable slopes={slopes} />}
          {panel('t5-buckets', t('lab.t5Buckets'))}
          {biasNames.map((n) => panel(n, words.biasCaption))}
        </div>
      )}

      <div className="lab-grid">
        {panel('attn-plain', t('lab.attnPlain', { dh }), {
          colors: 'sequential',
        })}
        {panel(
          'attn-with',
          t('lab.attnWith', {
            bias: entry.kind === 'bias' ? t('lab.attnBias') : '',
            scheme: words.label,
            how: t(
              entry.kind === 'rotary'
                ? 'lab.attnRotary'
                : entry.kind === 'bias'
                  ? 'lab.attnBiasing'
                  : 'lab.attnAdded',
            ),
          }),
          { colors: 'sequential' },
        )}
      </div>
      {panel('attn-out', t('lab.attnOut', { dh }))}
    </div>
  );
}
