"""The ledgers' `Status` values (`pyxl.kontrak.status`): distinct within a ledger, and the
statuses of a merged return among those of `Penerimaan`."""

from __future__ import annotations

import pytest

from pyxl.kontrak import status

LEDGER: dict[str, tuple[str, ...]] = {
    "Penerimaan": (
        status.DITERIMA,
        status.DITOLAK,
        status.DUPLIKAT,
        status.MENGGANTIKAN,
        status.USANG,
    ),
    "Format Terbit": (status.BERLAKU, status.DIGANTI),
    "Pengiriman": (status.DRAF, status.TERKIRIM, status.GAGAL),
    "Register Surat": (status.DICADANGKAN, status.TERBIT, status.BATAL),
    "Dokumen": (status.KONSEP, status.FINAL),
}


@pytest.mark.parametrize("ledger", list(LEDGER))
def test_no_two_statuses_of_a_ledger_are_equal(ledger: str) -> None:
    nilai = LEDGER[ledger]
    assert len(nilai) == len(set(nilai)), ledger
    assert len({v.casefold() for v in nilai}) == len(nilai), "staff filter ignoring case"


def test_every_status_belongs_to_a_ledger() -> None:
    nama = {
        n: v
        for n, v in vars(status).items()
        if n.isupper() and isinstance(v, str) and not n.startswith("_")
    }
    semua = [v for nilai in LEDGER.values() for v in nilai]
    assert sorted(nama.values()) == sorted(semua), "a new status is listed with its ledger"
    assert all(v and v == v.strip() for v in semua)


def test_status_penerimaan_is_its_ledger() -> None:
    assert LEDGER["Penerimaan"] == status.STATUS_PENERIMAAN


def test_digabung_are_penerimaan_statuses() -> None:
    assert set(status.DIGABUNG) < set(status.STATUS_PENERIMAAN)
    assert set(status.DIGABUNG) == {status.DITERIMA, status.MENGGANTIKAN}
    assert status.DITOLAK not in status.DIGABUNG and status.DUPLIKAT not in status.DIGABUNG
    assert len(status.DIGABUNG) == len(set(status.DIGABUNG))


def test_the_contracts_spelling() -> None:
    assert LEDGER["Penerimaan"] == ("Diterima", "Ditolak", "Duplikat", "Menggantikan", "Usang")
    assert LEDGER["Format Terbit"] == ("Berlaku", "Diganti")
    assert LEDGER["Pengiriman"] == ("Draf", "Terkirim", "Gagal")
    assert LEDGER["Register Surat"] == ("Dicadangkan", "Terbit", "Batal")
    assert LEDGER["Dokumen"] == ("KONSEP", "FINAL")
