"""Help: the user guide, the glossary and the legend of the grid."""
