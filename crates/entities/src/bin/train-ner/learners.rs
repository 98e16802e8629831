//! How the weights learn from a sentence: the averaged perceptron (shipped), or
//! passive-aggressive steps and a linear-chain CRF's log-loss (`--objective`, measured and not
//! kept: model/PROVENANCE.md).

use claimtrail_entities::features::transition_feature;
use claimtrail_entities::tagger::{self, Scorer, BUCKETS, NL};

pub(crate) struct Perceptron {
    w: Vec<i32>,
    u: Vec<i64>,
    c: i64,
}

impl Scorer for Perceptron {
    fn score(&self, feats: &[u64], out: &mut [f32; NL]) {
        *out = [0.0; NL];
        for &f in feats {
            let b = tagger::bucket(f) * NL;
            for (o, w) in out.iter_mut().zip(&self.w[b..b + NL]) {
                *o += *w as f32;
            }
        }
    }
    fn update(&mut self, feats: &[u64], l: u8, delta: i32) {
        for &f in feats {
            let b = tagger::bucket(f) * NL + l as usize;
            self.w[b] += delta;
            self.u[b] += delta as i64 * self.c;
        }
    }
    fn tick(&mut self) {
        self.c += 1;
    }
}

impl Perceptron {
    pub(crate) fn new() -> Perceptron {
        Perceptron {
            w: vec![0; BUCKETS * NL],
            u: vec![0; BUCKETS * NL],
            c: 0,
        }
    }

    pub(crate) fn averaged(&self) -> Vec<f32> {
        let c = self.c.max(1) as f64;
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u as f64 / c) as f32)
            .collect()
    }
}

/// How the weights learn from a training sentence.
#[derive(Clone, Copy, Default, PartialEq)]
pub(crate) enum Objective {
    /// The structured perceptron: +1 / −1 where the decoded path leaves the gold one.
    #[default]
    Perceptron,
    /// Passive-aggressive (PA-I, 1-best MIRA): the smallest step that puts the gold path above
    /// the decoded one by its Hamming distance, at most `c`.
    Pa { c: f64 },
    /// A linear-chain CRF: log-loss gradient (forward-backward over the nine tags), AdaGrad
    /// steps of rate `eta`, L2 of strength `l2` on the weights a sentence touches.
    Crf { eta: f64, l2: f64 },
}

/// Float weights, averaged as the perceptron's are, learning by PA or CRF steps.
pub(crate) struct Learner {
    obj: Objective,
    w: Vec<f32>,
    /// Sum of each step times the clock at which it was taken (for the average).
    u: Vec<f64>,
    /// AdaGrad: the sum of squared gradients per weight.
    g2: Vec<f32>,
    c: f64,
    /// Scratch: the feature-count difference of a PA step.
    diff: rustc_hash::FxHashMap<usize, f64>,
}

impl Learner {
    pub(crate) fn new(obj: Objective) -> Learner {
        let crf = matches!(obj, Objective::Crf { .. });
        Learner {
            obj,
            w: vec![0.0; BUCKETS * NL],
            u: vec![0.0; BUCKETS * NL],
            g2: if crf {
                vec![0.0; BUCKETS * NL]
            } else {
                Vec::new()
            },
            c: 0.0,
            diff: Default::default(),
        }
    }

    fn step(&mut self, idx: usize, d: f64) {
        self.w[idx] += d as f32;
        self.u[idx] += d * self.c;
    }

    pub(crate) fn averaged(&self) -> Vec<f32> {
        let c = self.c.max(1.0);
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / c) as f32)
            .collect()
    }

    fn pa(&mut self, s: &tagger::Sentence<'_>, cap: f64) {
        let (g, p) = (s.gold, s.path);
        if g == p {
            return;
        }
        let trans_idx =
            |prev: u8, l: u8| tagger::bucket(transition_feature(prev)) * NL + l as usize;
        let mut margin = 0.0;
        let mut cost = 0.0;
        self.diff.clear();
        for k in 0..g.len() {
            let (gp, pp) = if k == 0 { (0, 0) } else { (g[k - 1], p[k - 1]) };
            margin += s.emit[k][p[k] as usize] + s.trans[pp as usize][p[k] as usize]
                - s.emit[k][g[k] as usize]
                - s.trans[gp as usize][g[k] as usize];
            if g[k] != p[k] {
                cost += 1.0;
                for &f in &s.feats[k] {
                    let b = tagger::bucket(f) * NL;
                    *self.diff.entry(b + g[k] as usize).or_default() += 1.0;
                    *self.diff.entry(b + p[k] as usize).or_default() -= 1.0;
                }
            }
            if (gp, g[k]) != (pp, p[k]) {
                *self.diff.entry(trans_idx(gp, g[k])).or_default() += 1.0;
                *self.diff.entry(trans_idx(pp, p[k])).or_default() -= 1.0;
            }
        }
        let norm: f64 = self.diff.values().map(|d| d * d).sum();
        let loss = margin + cost;
        if norm <= 0.0 || loss <= 0.0 {
            return;
        }
        let tau = (loss / norm).min(cap);
        let steps: Vec<(usize, f64)> = self.diff.drain().collect();
        for (idx, d) in steps {
            self.step(idx, tau * d);
        }
    }

    fn crf(&mut self, s: &tagger::Sentence<'_>, eta: f64, l2: f64) {
        let n = s.gold.len();
        if n == 0 {
            return;
        }
        let (emit, g) = (s.emit, s.gold);
        let mut t = *s.trans;
        for (p, row) in t.iter_mut().enumerate() {
            for (l, x) in row.iter_mut().enumerate() {
                if !tagger::allowed(p as u8, l as u8) {
                    *x = f64::NEG_INFINITY;
                }
            }
        }
        let lse = |xs: &[f64; NL]| {
            let m = xs.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
            if m == f64::NEG_INFINITY {
                return m;
            }
            m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
        };
        let mut alpha = vec![[0f64; NL]; n];
        for l in 0..NL {
            alpha[0][l] = emit[0][l] + t[0][l];
        }
        for k in 1..n {
            for l in 0..NL {
                let xs: [f64; NL] = std::array::from_fn(|p| alpha[k - 1][p] + t[p][l]);
                alpha[k][l] = emit[k][l] + lse(&xs);
            }
        }
        let mut beta = vec![[0f64; NL]; n];
        for k in (0..n - 1).rev() {
            for p in 0..NL {
                let xs: [f64; NL] =
                    std::array::from_fn(|l| t[p][l] + emit[k + 1][l] + beta[k + 1][l]);
                beta[k][p] = lse(&xs);
            }
        }
        let z = lse(&alpha[n - 1]);
        if !z.is_finite() {
            return;
        }
        // Emissions: gold indicator minus marginal, per feature occurrence.
        let mut tgrad = [[0f64; NL]; NL];
        for k in 0..n {
            let mu: [f64; NL] = std::array::from_fn(|l| (alpha[k][l] + beta[k][l] - z).exp());
            let grad: [f64; NL] =
                std::array::from_fn(|l| f64::from(u8::from(g[k] as usize == l)) - mu[l]);
            for &f in &s.feats[k] {
                let b = tagger::bucket(f) * NL;
                for (l, &gr) in grad.iter().enumerate() {
                    if gr.abs() > 1e-4 {
                        self.adagrad(b + l, gr, eta, l2);
                    }
                }
            }
            // Edges into token k (from O before the first token).
            let gp = if k == 0 { 0 } else { g[k - 1] as usize };
            tgrad[gp][g[k] as usize] += 1.0;
            if k == 0 {
                for l in 0..NL {
                    tgrad[0][l] -= mu[l];
                }
            } else {
                for p in 0..NL {
                    for l in 0..NL {
                        let x = alpha[k - 1][p] + t[p][l] + emit[k][l] + beta[k][l] - z;
                        if x > -30.0 {
                            tgrad[p][l] -= x.exp();
                        }
                    }
                }
            }
        }
        for (p, row) in tgrad.iter().enumerate() {
            let b = tagger::bucket(transition_feature(p as u8)) * NL;
            for (l, &gr) in row.iter().enumerate() {
                if gr.abs() > 1e-4 {
                    self.adagrad(b + l, gr, eta, l2);
                }
            }
        }
    }

    /// One AdaGrad ascent step on the log-likelihood gradient `gr` (minus the L2 pull).
    fn adagrad(&mut self, idx: usize, gr: f64, eta: f64, l2: f64) {
        let gr = gr - l2 * self.w[idx] as f64;
        self.g2[idx] += (gr * gr) as f32;
        let d = eta * gr / (self.g2[idx] as f64).sqrt().max(1e-8);
        self.step(idx, d);
    }
}

impl Scorer for Learner {
    fn score(&self, feats: &[u64], out: &mut [f32; NL]) {
        *out = [0.0; NL];
        for &f in feats {
            let b = tagger::bucket(f) * NL;
            for (o, w) in out.iter_mut().zip(&self.w[b..b + NL]) {
                *o += *w;
            }
        }
    }
    fn tick(&mut self) {
        self.c += 1.0;
    }
    fn learn(&mut self, s: &tagger::Sentence<'_>) -> bool {
        match self.obj {
            Objective::Perceptron => return false,
            Objective::Pa { c } => self.pa(s, c),
            Objective::Crf { eta, l2 } => self.crf(s, eta, l2),
        }
        true
    }
}

pub(crate) struct Floats(pub(crate) Vec<f32>);
impl Scorer for Floats {
    fn score(&self, feats: &[u64], out: &mut [f32; NL]) {
        *out = [0.0; NL];
        for &f in feats {
            let b = tagger::bucket(f) * NL;
            for (o, w) in out.iter_mut().zip(&self.0[b..b + NL]) {
                *o += *w;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Path score of `tags` under the learner, as the decoder adds it up.
    fn path_score(l: &Learner, feats: &[Vec<u64>], tags: &[u8]) -> f64 {
        let mut sc = [0f32; NL];
        let mut total = 0.0;
        for (k, f) in feats.iter().enumerate() {
            let prev = if k == 0 { 0 } else { tags[k - 1] };
            l.score(f, &mut sc);
            total += f64::from(sc[tags[k] as usize]);
            l.score(&[transition_feature(prev)], &mut sc);
            total += f64::from(sc[tags[k] as usize]);
        }
        total
    }

    fn sentence_scores(l: &Learner, feats: &[Vec<u64>]) -> (Vec<[f64; NL]>, [[f64; NL]; NL]) {
        let mut sc = [0f32; NL];
        let emit = feats
            .iter()
            .map(|f| {
                l.score(f, &mut sc);
                sc.map(f64::from)
            })
            .collect();
        let mut trans = [[0f64; NL]; NL];
        for (p, row) in trans.iter_mut().enumerate() {
            l.score(&[transition_feature(p as u8)], &mut sc);
            *row = sc.map(f64::from);
        }
        (emit, trans)
    }

    #[test]
    fn a_passive_aggressive_step_puts_gold_ahead_by_the_hamming_distance() {
        let mut l = Learner::new(Objective::Pa { c: 1e9 });
        let feats: Vec<Vec<u64>> = vec![
            vec![11u64 << 50, 12u64 << 50],
            vec![13u64 << 50, 12u64 << 50],
        ];
        // A wrong path that already scores above the gold one (B-PER I-PER against O O).
        l.w[tagger::bucket(12u64 << 50) * NL] = 3.0;
        let (gold, path) = ([1u8, 2], [0u8, 0]);
        let (emit, trans) = sentence_scores(&l, &feats);
        l.tick();
        assert!(l.learn(&tagger::Sentence {
            feats: &feats,
            emit: &emit,
            trans: &trans,
            gold: &gold,
            path: &path,
        }));
        let margin = path_score(&l, &feats, &gold) - path_score(&l, &feats, &path);
        // The smallest step that separates them by their Hamming distance (2): exactly 2.
        assert!((margin - 2.0).abs() < 1e-4, "{margin}");
        // Capped: a step of at most C per feature count.
        let mut capped = Learner::new(Objective::Pa { c: 0.01 });
        capped.w[tagger::bucket(12u64 << 50) * NL] = 3.0;
        capped.tick();
        capped.learn(&tagger::Sentence {
            feats: &feats,
            emit: &emit,
            trans: &trans,
            gold: &gold,
            path: &path,
        });
        assert!((capped.w[tagger::bucket(11u64 << 50) * NL + 1] - 0.01).abs() < 1e-6);
    }
}
