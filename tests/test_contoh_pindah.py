"""The sample read from its data file is exactly the sample the constructors built."""

from pyxl.contoh import data_baru, muat


def test_the_data_file_holds_exactly_todays_sample() -> None:
    assert data_baru.TAHUN_CONTOH == muat.TAHUN_CONTOH
    assert data_baru.DOMAIN_EMAIL_CONTOH == muat.DOMAIN_EMAIL_CONTOH
    assert data_baru.bagian_contoh() == muat.bagian_contoh()
    assert data_baru.pejabat_contoh() == muat.pejabat_contoh()
    lama, baru = muat.indikator_contoh(), data_baru.indikator_contoh()
    assert list(baru) == list(lama)
    for kode in lama:
        assert baru[kode] == lama[kode], kode
        for a, b in zip(baru[kode], lama[kode], strict=True):
            for f in (
                "target",
                "target_atas",
                "realisasi",
                "realisasi_lalu",
                "target_renstra",
                "pagu",
                "realisasi_anggaran",
            ):
                assert type(getattr(a, f)) is type(getattr(b, f)), (a.kode_iku, f)
