"""The contract: the names users, scripts and acceptance tests rely on, as data.

Sheets and columns (`skema`), settings (`pengaturan`), the SOP's 13 steps (`sop`), the commands
and their buttons (`perintah`), the `Kendali` layout (`kendali`), finding codes (`masalah`),
ledger statuses (`status`), the files steps write (`keluaran`), the domain records (`model`)
and the default Bagian list (`setda`). Extend, never rename. Nothing here touches a file; it may
import only `pyxl.galat`.
"""
