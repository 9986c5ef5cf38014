# The ILO indicator catalogues: labels of dimensions, elements and indicators (codes in komek_domain::indicators).
