// The capability method's fits of data/models.csv at the default interval
// level, made in advance (src/estimate/stored.rs). Written by
// `cargo run --example estimates`; never edit by hand.
CapabilityFits {
    level: 0.8,
    compute: Some(Fit {
        plane: Plane { coef: [521.0644191714908, 0.04811047203009822, -0.24840972710457265] },
        offsets: (-0.5057591680515543, 0.9732081774596466),
        n: 82,
    }),
    score: Some(Fit {
        plane: Plane { coef: [-25682.781458950474, 8.31614164971191, 12.6468475946874] },
        offsets: (-13.629877554100261, 8.15980593096279),
        n: 82,
    }),
}
