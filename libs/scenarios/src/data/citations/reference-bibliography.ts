/**
 * The verified bibliography behind the built-in citation prompts: real, well-known works with
 * their DOIs (arXiv DOIs and ids for the conference papers published there). Every work a
 * built-in prompt asks for is here, so a citation that matches none of them was not asked for.
 */
export const REFERENCE_BIBTEX = String.raw`
@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia},
  booktitle = {Advances in Neural Information Processing Systems 30},
  year = {2017},
  doi = {10.48550/arXiv.1706.03762},
  eprint = {1706.03762},
  archivePrefix = {arXiv}
}
@inproceedings{devlin2019bert,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author = {Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
  booktitle = {Proceedings of NAACL-HLT 2019},
  pages = {4171--4186},
  year = {2019},
  doi = {10.18653/v1/N19-1423}
}
@inproceedings{he2016deep,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle = {2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)},
  pages = {770--778},
  year = {2016},
  doi = {10.1109/CVPR.2016.90}
}
@inproceedings{he2016identity,
  title = {Identity Mappings in Deep Residual Networks},
  author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle = {Computer Vision -- ECCV 2016},
  series = {Lecture Notes in Computer Science},
  volume = {9908},
  pages = {630--645},
  year = {2016},
  doi = {10.1007/978-3-319-46493-0_38}
}
@inproceedings{kingma2015adam,
  title = {Adam: A Method for Stochastic Optimization},
  author = {Kingma, Diederik P. and Ba, Jimmy},
  booktitle = {3rd International Conference on Learning Representations (ICLR)},
  year = {2015},
  doi = {10.48550/arXiv.1412.6980},
  eprint = {1412.6980},
  archivePrefix = {arXiv}
}
@article{mikolov2013efficient,
  title = {Efficient Estimation of Word Representations in Vector Space},
  author = {Mikolov, Tomas and Chen, Kai and Corrado, Greg and Dean, Jeffrey},
  journal = {arXiv preprint},
  year = {2013},
  doi = {10.48550/arXiv.1301.3781},
  eprint = {1301.3781},
  archivePrefix = {arXiv}
}
@inproceedings{mikolov2013distributed,
  title = {Distributed Representations of Words and Phrases and their Compositionality},
  author = {Mikolov, Tomas and Sutskever, Ilya and Chen, Kai and Corrado, Greg and Dean, Jeffrey},
  booktitle = {Advances in Neural Information Processing Systems 26},
  year = {2013},
  doi = {10.48550/arXiv.1310.4546},
  eprint = {1310.4546},
  archivePrefix = {arXiv}
}
@inproceedings{pennington2014glove,
  title = {{GloVe}: Global Vectors for Word Representation},
  author = {Pennington, Jeffrey and Socher, Richard and Manning, Christopher},
  booktitle = {Proceedings of EMNLP 2014},
  pages = {1532--1543},
  year = {2014},
  doi = {10.3115/v1/D14-1162}
}
@article{hochreiter1997long,
  title = {Long Short-Term Memory},
  author = {Hochreiter, Sepp and Schmidhuber, J{\"u}rgen},
  journal = {Neural Computation},
  volume = {9},
  number = {8},
  pages = {1735--1780},
  year = {1997},
  doi = {10.1162/neco.1997.9.8.1735}
}
@inproceedings{papineni2002bleu,
  title = {{BLEU}: a Method for Automatic Evaluation of Machine Translation},
  author = {Papineni, Kishore and Roukos, Salim and Ward, Todd and Zhu, Wei-Jing},
  booktitle = {Proceedings of the 40th Annual Meeting of the ACL},
  pages = {311--318},
  year = {2002},
  doi = {10.3115/1073083.1073135}
}
@inproceedings{rajpurkar2016squad,
  title = {{SQuAD}: 100,000+ Questions for Machine Comprehension of Text},
  author = {Rajpurkar, Pranav and Zhang, Jian and Lopyrev, Konstantin and Liang, Percy},
  booktitle = {Proceedings of EMNLP 2016},
  pages = {2383--2392},
  year = {2016},
  doi = {10.18653/v1/D16-1264}
}
@article{silver2016mastering,
  title = {Mastering the game of Go with deep neural networks and tree search},
  author = {Silver, David and Huang, Aja and Maddison, Chris J. and Guez, Arthur and Sifre, Laurent and others},
  journal = {Nature},
  volume = {529},
  pages = {484--489},
  year = {2016},
  doi = {10.1038/nature16961}
}
@article{silver2017mastering,
  title = {Mastering the game of Go without human knowledge},
  author = {Silver, David and Schrittwieser, Julian and Simonyan, Karen and Antonoglou, Ioannis and others},
  journal = {Nature},
  volume = {550},
  pages = {354--359},
  year = {2017},
  doi = {10.1038/nature24270}
}
@article{mnih2015human,
  title = {Human-level control through deep reinforcement learning},
  author = {Mnih, Volodymyr and Kavukcuoglu, Koray and Silver, David and Rusu, Andrei A. and others},
  journal = {Nature},
  volume = {518},
  pages = {529--533},
  year = {2015},
  doi = {10.1038/nature14236}
}
@inproceedings{ronneberger2015unet,
  title = {U-Net: Convolutional Networks for Biomedical Image Segmentation},
  author = {Ronneberger, Olaf and Fischer, Philipp and Brox, Thomas},
  booktitle = {Medical Image Computing and Computer-Assisted Intervention -- MICCAI 2015},
  pages = {234--241},
  year = {2015},
  doi = {10.1007/978-3-319-24574-4_28}
}
@article{efron1979bootstrap,
  title = {Bootstrap Methods: Another Look at the Jackknife},
  author = {Efron, Bradley},
  journal = {The Annals of Statistics},
  volume = {7},
  number = {1},
  pages = {1--26},
  year = {1979},
  doi = {10.1214/aos/1176344552}
}
@article{benjamini1995controlling,
  title = {Controlling the False Discovery Rate: A Practical and Powerful Approach to Multiple Testing},
  author = {Benjamini, Yoav and Hochberg, Yosef},
  journal = {Journal of the Royal Statistical Society: Series B (Methodological)},
  volume = {57},
  number = {1},
  pages = {289--300},
  year = {1995},
  doi = {10.1111/j.2517-6161.1995.tb02031.x}
}
@article{breiman2001random,
  title = {Random Forests},
  author = {Breiman, Leo},
  journal = {Machine Learning},
  volume = {45},
  pages = {5--32},
  year = {2001},
  doi = {10.1023/A:1010933404324}
}
@inproceedings{chen2016xgboost,
  title = {{XGBoost}: A Scalable Tree Boosting System},
  author = {Chen, Tianqi and Guestrin, Carlos},
  booktitle = {Proceedings of the 22nd ACM SIGKDD International Conference on Knowledge Discovery and Data Mining},
  pages = {785--794},
  year = {2016},
  doi = {10.1145/2939672.2939785}
}
@article{lecun2015deep,
  title = {Deep learning},
  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  journal = {Nature},
  volume = {521},
  pages = {436--444},
  year = {2015},
  doi = {10.1038/nature14539}
}
@article{rumelhart1986learning,
  title = {Learning representations by back-propagating errors},
  author = {Rumelhart, David E. and Hinton, Geoffrey E. and Williams, Ronald J.},
  journal = {Nature},
  volume = {323},
  pages = {533--536},
  year = {1986},
  doi = {10.1038/323533a0}
}
`;
