/**
 * WADA-SNR (Kim & Stern 2008, "Robust signal-to-noise ratio estimation based on waveform
 * amplitude distribution analysis", Interspeech 2008): the amplitude of clean speech follows a
 * Gamma distribution (shape ≈ 0.4) and noise a Gaussian, so G = log E|z| − E log|z| of the
 * noisy waveform z rises monotonically with the SNR. The table below maps G to SNR in dB from
 * −20 to 100; it is the one in Kim's MATLAB code as distributed in D. Ellis' snreval
 * (LabROSA), which the common ports copy. Like them, the waveform is peak-normalized and
 * |z| < 1e-10 is raised to 1e-10. The estimate is of the global SNR (all speech energy over
 * all noise energy in the file), for additive noise that is roughly Gaussian; it reads high on
 * tonal or strongly non-Gaussian interference.
 */
const G_TABLE = [
  0.40974774, 0.40986926, 0.40998566, 0.40969089, 0.40986186, 0.40999006, 0.41027138, 0.41052627,
  0.41101024, 0.41143264, 0.41231718, 0.41337272, 0.41526426, 0.4178192, 0.42077252, 0.42452799,
  0.42918886, 0.43510373, 0.44234195, 0.45161485, 0.46221153, 0.47491647, 0.48883809, 0.50509236,
  0.52353709, 0.54372088, 0.56532427, 0.58847532, 0.61346212, 0.63954496, 0.66750818, 0.69583724,
  0.72454762, 0.75414799, 0.78323148, 0.81240985, 0.84219775, 0.87166406, 0.90030504, 0.92880418,
  0.95655449, 0.9835349, 1.01047155, 1.0362095, 1.06136425, 1.08579312, 1.1094819, 1.13277995,
  1.15472826, 1.17627308, 1.19703503, 1.21671694, 1.23535898, 1.25364313, 1.27103891, 1.28718029,
  1.30302865, 1.31839527, 1.33294817, 1.34700935, 1.3605727, 1.37345513, 1.38577122, 1.39733504,
  1.40856397, 1.41959619, 1.42983624, 1.43958467, 1.44902176, 1.45804831, 1.46669568, 1.47486938,
  1.48269965, 1.49034339, 1.49748214, 1.50435106, 1.51076426, 1.51698915, 1.5229097, 1.528578,
  1.53389835, 1.5391211, 1.5439065, 1.54858517, 1.55310776, 1.55744391, 1.56164927, 1.56566348,
  1.56938671, 1.57307767, 1.57654764, 1.57980083, 1.58304129, 1.58602496, 1.58880681, 1.59162477,
  1.5941969, 1.59693155, 1.599446, 1.60185011, 1.60408668, 1.60627134, 1.60826199, 1.61004547,
  1.61192472, 1.61369656, 1.61534074, 1.61688905, 1.61838916, 1.61985374, 1.62135878, 1.62268119,
  1.62390423, 1.62513143, 1.62632463, 1.6274027, 1.62842767, 1.62945532, 1.6303307, 1.63128026,
  1.63204102,
];
export const WADA_MIN_DB = -20;
export const WADA_MAX_DB = 100;
const EPS = 1e-10;

/** The G statistic of the waveform: log of the mean amplitude minus the mean log amplitude. */
export function wadaStatistic(samples: Float32Array): number | null {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]));
  if (peak === 0) return null;
  let sum = 0;
  let sumLog = 0;
  for (let i = 0; i < samples.length; i++) {
    const a = Math.max(EPS, Math.abs(samples[i]) / peak);
    sum += a;
    sumLog += Math.log(a);
  }
  return Math.log(Math.max(EPS, sum / samples.length)) - sumLog / samples.length;
}

/**
 * Estimated SNR in dB within [−20, 100]: the table entry below G (the last one, as the ports
 * do, since the low end is not monotonic), linearly interpolated. Null for digital silence.
 */
export function wadaSnr(samples: Float32Array): number | null {
  const g = wadaStatistic(samples);
  if (g === null) return null;
  let index = -1;
  for (let i = 0; i < G_TABLE.length; i++) if (G_TABLE[i] < g) index = i;
  if (index < 0) return WADA_MIN_DB;
  if (index === G_TABLE.length - 1) return WADA_MAX_DB;
  const fraction = (g - G_TABLE[index]) / (G_TABLE[index + 1] - G_TABLE[index]);
  return WADA_MIN_DB + index + fraction;
}
